package dev.tributary.web;

import com.fasterxml.jackson.annotation.JsonInclude;
import dev.tributary.publish.ShownStory;
import dev.tributary.sanitize.SafeText;
import dev.tributary.sanitize.SafeUrl;
import dev.tributary.store.ReportView;
import dev.tributary.store.SourceHealth;
import dev.tributary.store.StoryView;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** The JSON shapes of /api (interface.md). */
final class ApiViews {
  private ApiViews() {}

  record ChannelView(String id, String title, String description, List<String> sources, Map<String, String> feeds, String page) {}

  record ChannelList(List<ChannelView> channels) {}

  @JsonInclude(JsonInclude.Include.ALWAYS)
  record ItemView(String source, String url, String title, Instant published, String language, String duplicate_of) {
    static ItemView of(ReportView r, Map<Long, String> urls) {
      return new ItemView(r.sourceId(), SafeUrl.http(r.url()), SafeText.title(r.title()), r.published(), r.language(),
          r.duplicateOf() == null ? null : urls.get(r.duplicateOf()));
    }
  }

  /**
   * {@code published} is the earliest report's time, the date Atom and JSON Feed give the story;
   * {@code edition} counts its announcements and {@code edition_published} is when the current one
   * opened: the RSS pubDate, whose guid carries {@code #revN} from the second edition on.
   */
  record StoryJson(String id, String title, String link, Instant published, Instant created, Instant updated,
      int edition, Instant edition_published, List<ItemView> items) {
    static StoryJson of(ShownStory shown) {
      StoryView s = shown.view();
      Map<Long, String> urls = new HashMap<>();
      s.items().forEach(r -> urls.put(r.itemId(), r.url()));
      return new StoryJson(s.publicId(), SafeText.title(s.title()), SafeUrl.http(s.link()), s.published().truncatedTo(ChronoUnit.SECONDS),
          s.created(), s.updated(), shown.edition(), shown.editionAt().truncatedTo(ChronoUnit.SECONDS),
          s.items().stream().map(r -> ItemView.of(r, urls)).toList());
    }
  }

  @JsonInclude(JsonInclude.Include.ALWAYS)
  record StoriesPage(List<StoryJson> stories, String next) {}

  @JsonInclude(JsonInclude.Include.ALWAYS)
  record SourceJson(String id, String url, String title, boolean active, Instant lastFetch, Instant lastSuccess,
      Integer status, String error, String errorKind, Instant nextFetch, long items, int consecutiveFailures,
      Long intervalSeconds, String parked, String movedTo, String etag, String lastModified,
      Integer seen, Integer added, long stored, long merged) {
    static SourceJson of(SourceHealth s) {
      return new SourceJson(s.id(), s.url(), s.title(), s.active(), s.lastFetch(), s.lastSuccess(), s.lastStatus(),
          s.lastError(), s.errorKind(), s.parkedReason() != null ? null : s.nextFetch(), s.items(),
          s.consecutiveFailures(), s.interval() == null ? null : s.interval().toSeconds(), s.parkedReason(),
          s.permanentRedirect(), s.etag(), s.lastModified(), s.seen(), s.added(), s.items(), s.merged());
    }
  }

  record SourceList(List<SourceJson> sources) {}

  @JsonInclude(JsonInclude.Include.ALWAYS)
  record Status(String feedsFile, Instant loadedAt, String lastError, Instant lastErrorAt, int sources, int channels,
      Long items, Long stories, boolean regroupPending, String writeError, Instant writeErrorSince) {}
}
