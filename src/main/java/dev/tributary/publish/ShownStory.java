package dev.tributary.publish;

import dev.tributary.config.ChannelConfig;
import dev.tributary.config.FeedsConfig;
import dev.tributary.sanitize.HtmlText;
import dev.tributary.sanitize.SafeUrl;
import dev.tributary.store.ReportView;
import dev.tributary.store.StoryView;
import dev.tributary.story.Editions;
import java.time.Instant;
import java.util.List;

/**
 * A story as a channel's readers see it: {@code view} carries the headline report's title and
 * link, {@code lead} is that report, {@code edition} counts announcements (see {@link Editions})
 * and {@code editionAt} is when the current one opened: the latest report time among the reports
 * that had arrived by then (publication, bounded by first seen), so it comes from the data and is
 * the same on every replica.
 */
public record ShownStory(StoryView view, ReportView lead, int edition, Instant editionAt) {

  /**
   * The language a story is headlined in outside any one channel (its own page and API entry): that
   * of the channel holding most of its reports, the first such channel in the feeds file on a tie;
   * null when that channel declares none or no channel holds a report (then the replay prefers the
   * language most reports are in).
   */
  public static String ownLanguage(StoryView story, FeedsConfig config) {
    return config.mainChannel(story.items().stream().map(ReportView::sourceId).toList())
        .map(ChannelConfig::language).orElse(null);
  }

  /**
   * {@code readerLanguage}: the channel's language, or null when it declares none. The edition is
   * the replayed one plus what regroupings added (see {@link Editions#shiftAfterMove}), dated no
   * earlier than the last such addition.
   */
  public static ShownStory of(StoryView story, String readerLanguage) {
    List<ReportView> arrived = story.items().stream().sorted(ReportView.ARRIVAL).toList();
    if (arrived.isEmpty()) {
      return new ShownStory(story, null, 1 + story.editionShift(), story.published());
    }
    Editions.Edition e = Editions.of(editionReports(arrived), readerLanguage);
    ReportView lead = arrived.get(e.headline());
    String title = lead.title() != null && !lead.title().isBlank() ? lead.title() : story.title();
    String link = SafeUrl.http(lead.url()) != null ? lead.url() : story.link();
    StoryView view = story.withHeadline(title, link);
    Instant at = story.published();
    if (e.number() > 1) {
      for (ReportView r : arrived.subList(0, e.opener() + 1)) {
        Instant t = reported(r);
        if (t != null && t.isAfter(at)) {
          at = t;
        }
      }
    }
    if (story.editionShift() > 0 && story.editionShiftedAt() != null && story.editionShiftedAt().isAfter(at)) {
      at = story.editionShiftedAt();
    }
    return new ShownStory(view, lead, e.number() + story.editionShift(), at);
  }

  /** Reports as the edition replay reads them, in the order given. */
  public static List<Editions.Report> editionReports(List<ReportView> arrived) {
    return arrived.stream().map(r -> new Editions.Report(r.title(), HtmlText.of(r.summaryHtml()), r.language())).toList();
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
