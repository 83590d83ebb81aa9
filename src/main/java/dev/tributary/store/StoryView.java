package dev.tributary.store;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * A story with the reports a channel shows of it, oldest report first; {@code editionShift} and
 * {@code editionShiftedAt}: editions regroupings added to the replayed ones, and when the last was.
 */
public record StoryView(long id, String publicId, String title, String link, Instant created, Instant updated,
    List<ReportView> items, int editionShift, Instant editionShiftedAt) {

  /** A story no regrouping gave an edition. */
  public StoryView(long id, String publicId, String title, String link, Instant created, Instant updated,
      List<ReportView> items) {
    this(id, publicId, title, link, created, updated, items, 0, null);
  }

  public StoryView withHeadline(String title, String link) {
    return new StoryView(id, publicId, title, link, created, updated, items, editionShift, editionShiftedAt);
  }

  public StoryView withUpdated(Instant updated) {
    return new StoryView(id, publicId, title, link, created, updated, items, editionShift, editionShiftedAt);
  }

  /** The earliest report's time (publication, else when first seen): the date feeds give the story. */
  public Instant published() {
    return items.stream().map(r -> r.published() != null ? r.published() : r.firstSeen())
        .filter(Objects::nonNull).min(Instant::compareTo).orElse(created);
  }
}
