package dev.tributary.store;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

/** A story with the reports a channel shows of it, oldest report first. */
public record StoryView(
    long id, String publicId, String title, String link, Instant created, Instant updated, List<ReportView> items) {

  /** The earliest report's time (publication, else when first seen): the date feeds give the story. */
  public Instant published() {
    return items.stream().map(r -> r.published() != null ? r.published() : r.firstSeen())
        .filter(Objects::nonNull).min(Instant::compareTo).orElse(created);
  }
}
