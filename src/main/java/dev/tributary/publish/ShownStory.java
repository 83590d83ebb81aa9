package dev.tributary.publish;

import dev.tributary.sanitize.HtmlText;
import dev.tributary.sanitize.SafeUrl;
import dev.tributary.store.ReportView;
import dev.tributary.store.StoryView;
import dev.tributary.story.Editions;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;

/**
 * A story as a channel's readers see it: {@code view} carries the headline report's title and
 * link, {@code lead} is that report, {@code edition} counts announcements (see {@link Editions})
 * and {@code editionAt} is when the current one opened: the latest report time among the reports
 * that had arrived by then (publication, bounded by first seen), so it comes from the data and is
 * the same on every replica.
 */
public record ShownStory(StoryView view, ReportView lead, int edition, Instant editionAt) {

  private static final Comparator<ReportView> ARRIVAL = Comparator
      .comparing(ReportView::firstSeen, Comparator.nullsLast(Comparator.naturalOrder()))
      .thenComparingLong(ReportView::itemId);

  /** {@code readerLanguage}: the channel's language, or null when it declares none. */
  public static ShownStory of(StoryView story, String readerLanguage) {
    List<ReportView> arrived = story.items().stream().sorted(ARRIVAL).toList();
    if (arrived.isEmpty()) {
      return new ShownStory(story, null, 1, story.published());
    }
    Editions.Edition e = Editions.of(arrived.stream()
        .map(r -> new Editions.Report(r.title(), HtmlText.of(r.summaryHtml()), r.language()))
        .toList(), readerLanguage);
    ReportView lead = arrived.get(e.headline());
    String title = lead.title() != null && !lead.title().isBlank() ? lead.title() : story.title();
    String link = SafeUrl.http(lead.url()) != null ? lead.url() : story.link();
    StoryView view = new StoryView(story.id(), story.publicId(), title, link, story.created(), story.updated(), story.items());
    Instant at = story.published();
    if (e.number() > 1) {
      for (ReportView r : arrived.subList(0, e.opener() + 1)) {
        Instant t = reported(r);
        if (t != null && t.isAfter(at)) {
          at = t;
        }
      }
    }
    return new ShownStory(view, lead, e.number(), at);
  }

  private static Instant reported(ReportView r) {
    if (r.published() == null || (r.firstSeen() != null && r.published().isAfter(r.firstSeen()))) {
      return r.firstSeen();
    }
    return r.published();
  }

  /**
   * The id of this edition as an RSS guid: the story's id for the first, then the id with
   * {@code #revN}, so readers that know an item by its guid show a new edition once.
   */
  String editionGuid() {
    String id = ChannelFeed.storyId(view);
    return edition <= 1 ? id : id + "#rev" + edition;
  }
}
