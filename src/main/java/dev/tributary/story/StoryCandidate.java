package dev.tributary.story;

import java.time.Instant;

/**
 * An item as the story engine sees it: enough text to compare, the source it came from, and
 * when it was published, or first seen when its feed gave no date ({@code dated} false).
 * {@code itemId} is the stored item's id.
 */
public record StoryCandidate(
    long itemId,
    String sourceId,
    String url,
    String title,
    String text,
    String language,
    Instant published,
    boolean dated) {

  /** An item dated by its feed, or undated when {@code published} is null. */
  public StoryCandidate(long itemId, String sourceId, String url, String title, String text, String language, Instant published) {
    this(itemId, sourceId, url, title, text, language, published, published != null);
  }
}
