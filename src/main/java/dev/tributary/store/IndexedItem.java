package dev.tributary.store;

import java.time.Instant;

/**
 * A stored report as the story index reads it back: with the analysis the story engine stored
 * beside it when that is of the version asked for, and then without the title and summary it
 * was made from (null), since nothing needs to analyse them again. {@code urlHash} is the link's
 * identity as ingestion matched it (null without a link).
 */
public record IndexedItem(long id, String sourceId, long storyId, long seq, String url, HashKey urlHash, String title,
    String summaryHtml, String language, Instant published, Instant firstSeen, byte[] analysis) {
}
