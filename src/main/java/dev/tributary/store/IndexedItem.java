package dev.tributary.store;

import java.time.Instant;

/** A stored report as the story index reads it back. */
public record IndexedItem(long id, String sourceId, long storyId, long seq, String url, String title,
    String summaryHtml, String language, Instant published, Instant firstSeen) {

  static IndexedItem of(ItemEntity i) {
    return new IndexedItem(i.id, i.sourceId, i.storyId, i.seq == null ? 0 : i.seq, i.url, i.title, i.summary,
        i.language, i.published, i.firstSeen);
  }
}
