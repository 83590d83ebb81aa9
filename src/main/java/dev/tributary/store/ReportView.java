package dev.tributary.store;

import java.time.Instant;
import java.util.Comparator;

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

  /** The order reports arrived in (first seen, then id): the order a story's editions are replayed in. */
  public static final Comparator<ReportView> ARRIVAL = Comparator
      .comparing(ReportView::firstSeen, Comparator.nullsLast(Comparator.naturalOrder()))
      .thenComparingLong(ReportView::itemId);

  public ReportView(long itemId, String sourceId, String sourceTitle, String url, String title, String summaryHtml,
      String author, String language, Instant published, Instant firstSeen, Long duplicateOf) {
    this(itemId, sourceId, sourceTitle, url, title, summaryHtml, author, language, published, firstSeen, duplicateOf, null);
  }
}
