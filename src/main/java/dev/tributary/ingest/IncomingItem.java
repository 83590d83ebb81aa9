package dev.tributary.ingest;

import java.time.Instant;

/**
 * One entry of a fetched feed, ready to store: {@code summaryHtml} is already sanitized,
 * {@code text} is its plain-text form for clustering. {@code guid} may be null (then the
 * canonical link, then a hash of title and date identifies the item). {@code image}: an http(s)
 * picture the publisher gave the item, or null.
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
    Instant updated,
    String image) {

  public IncomingItem(String guid, String url, String title, String summaryHtml, String text, String author,
      String language, Instant published, Instant updated) {
    this(guid, url, title, summaryHtml, text, author, language, published, updated, null);
  }
}
