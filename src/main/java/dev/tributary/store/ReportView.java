package dev.tributary.store;

import java.time.Instant;

/**
 * One report of a story, as published. {@code duplicateOf} names the item it is a near-copy of;
 * {@code imageUrl} is the picture its publisher gave it, or null.
 */
public record ReportView(
    long itemId,
    String sourceId,
    String sourceTitle,
    String url,
    String title,
    String summaryHtml,
    String author,
    String language,
    Instant published,
    Instant firstSeen,
    Long duplicateOf,
    String imageUrl) {

  public ReportView(long itemId, String sourceId, String sourceTitle, String url, String title, String summaryHtml,
      String author, String language, Instant published, Instant firstSeen, Long duplicateOf) {
    this(itemId, sourceId, sourceTitle, url, title, summaryHtml, author, language, published, firstSeen, duplicateOf, null);
  }
}
