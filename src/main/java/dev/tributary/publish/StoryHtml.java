package dev.tributary.publish;

import dev.tributary.sanitize.HtmlSanitizer;
import dev.tributary.sanitize.SafeText;
import dev.tributary.sanitize.SafeUrl;
import dev.tributary.store.ReportView;
import dev.tributary.store.StoryView;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;

/**
 * The body of a merged story: the headline report's summary, then every report with its source,
 * language, time and link. Built as a DOM so no text can break out of its element.
 */
final class StoryHtml {
  private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'").withZone(ZoneOffset.UTC);

  private static final HtmlSanitizer SANITIZER = new HtmlSanitizer();

  private StoryHtml() {}

  /**
   * The short form for RSS {@code <description>} (the full story goes in content:encoded): the
   * headline report's summary, or the count of reports and their sources when it has none.
   */
  static String teaser(ShownStory shown) {
    StoryView story = shown.view();
    Document doc = Document.createShell("");
    Element body = doc.body();
    if (!appendLeadSummary(body, shown.lead())) {
      body.appendElement("p").text(reportCount(story) + " — " + String.join(", ", StoryText.sources(story)));
    }
    doc.outputSettings().prettyPrint(false);
    return body.html();
  }

  private static boolean appendLeadSummary(Element body, ReportView lead) {
    if (lead == null || lead.summaryHtml() == null || lead.summaryHtml().isBlank()) {
      return false;
    }
    // Sanitized when stored, and again here: rows stored under an older rule get today's rule
    // (http(s) links only), and the fragment nests well-formed.
    body.appendElement("div").html(XmlText.clean(SANITIZER.sanitize(lead.summaryHtml(), null)));
    return true;
  }

  private static String reportCount(StoryView story) {
    long reports = story.items().stream().filter(r -> r.duplicateOf() == null).count();
    return reports == 1 ? "1 report" : reports + " reports";
  }

  static String render(ShownStory shown) {
    StoryView story = shown.view();
    Document doc = Document.createShell("");
    Element body = doc.body();
    appendLeadSummary(body, shown.lead());
    body.appendElement("p").text(reportCount(story) + ":");
    Element list = body.appendElement("ul");
    for (ReportView r : story.items()) {
      Element li = list.appendElement("li");
      String url = SafeUrl.http(r.url());
      Element a = li.appendElement(url != null ? "a" : "span").text(XmlText.clean(title(r.title())));
      if (url != null) {
        a.attr("href", url);
      }
      StringBuilder meta = new StringBuilder(" — ").append(XmlText.clean(SafeText.title(r.sourceTitle())));
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

  /** A publisher's title as the merged feeds show it: hidden format characters gone, never empty. */
  static String title(String title) {
    String safe = SafeText.title(title);
    return safe == null || safe.isBlank() ? "(untitled)" : safe;
  }
}
