package dev.tributary.publish;

import dev.tributary.store.ReportView;
import dev.tributary.store.StoryView;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;

/**
 * The body of a merged story: the lead report's summary, then every report with its source,
 * language, time and link. Built as a DOM so no text can break out of its element.
 */
final class StoryHtml {
  private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'").withZone(ZoneOffset.UTC);

  private StoryHtml() {}

  static String render(StoryView story) {
    Document doc = Document.createShell("");
    Element body = doc.body();
    ReportView lead = story.items().isEmpty() ? null : story.items().get(0);
    if (lead != null && lead.summaryHtml() != null && !lead.summaryHtml().isBlank()) {
      // The summary was sanitized when stored; it is re-parsed here so it nests as a well-formed fragment.
      body.appendElement("div").html(XmlText.clean(lead.summaryHtml()));
    }
    long reports = story.items().stream().filter(r -> r.duplicateOf() == null).count();
    body.appendElement("p").text(reports == 1 ? "1 report:" : reports + " reports:");
    Element list = body.appendElement("ul");
    for (ReportView r : story.items()) {
      Element li = list.appendElement("li");
      Element a = li.appendElement(r.url() != null ? "a" : "span").text(XmlText.clean(r.title() == null ? "(untitled)" : r.title()));
      if (r.url() != null) {
        a.attr("href", r.url());
      }
      StringBuilder meta = new StringBuilder(" — ").append(XmlText.clean(r.sourceTitle()));
      if (r.language() != null) {
        meta.append(" (").append(r.language()).append(')');
      }
      if (r.published() != null) {
        meta.append(", ").append(WHEN.format(r.published()));
      }
      if (r.duplicateOf() != null) {
        meta.append(", same text as another report");
      }
      li.appendText(meta.toString());
    }
    doc.outputSettings().prettyPrint(false);
    return body.html();
  }
}
