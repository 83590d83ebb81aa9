package dev.tributary.parse;

import java.net.URI;

/**
 * What the parser is given: the raw bytes, the HTTP {@code Content-Type}, {@code Content-Location}
 * and {@code Content-Language} (any may be null) and the URL the bytes came from. The language is
 * the document's default, used wherever the feed declares none (as {@code xml:lang} would be).
 */
public record FeedDocument(byte[] body, String contentType, String contentLocation, URI url, String contentLanguage) {
  public FeedDocument(byte[] body, String contentType, String contentLocation, URI url) {
    this(body, contentType, contentLocation, url, null);
  }
}
