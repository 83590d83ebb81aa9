package dev.tributary.ingest;

import java.time.Instant;

/**
 * One entry of a fetched feed, ready to store: {@code summaryHtml} is already sanitized,
 * {@code text} is its plain-text form for clustering. {@code guid} may be null (then the
 * canonical link, then a hash of title and date identifies the item).
 */
public record IncomingItem(
    String guid,
    String url,
    String title,
    String summaryHtml,
    String text,
    String author,
    String language,
    Instant published,
    Instant updated) {}
