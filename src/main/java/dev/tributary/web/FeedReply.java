package dev.tributary.web;

import dev.tributary.publish.ContentCoding;
import dev.tributary.publish.RenderedFeed;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;

/**
 * The answer to one feed request, shared by the event-loop route and the REST resource so both
 * send the same headers: the representation the client accepts, its own ETag, and whether the
 * client's validators make it a 304. {@code Vary: Accept-Encoding} goes on every answer, 304s
 * too, so a cache keeps one copy per coding.
 */
record FeedReply(RenderedFeed feed, ContentCoding coding, boolean notModified, String etag, String lastModified) {
  static final String VARY = "Accept-Encoding";

  static FeedReply of(RenderedFeed feed, String acceptEncoding, String ifNoneMatch, String ifModifiedSince) {
    ContentCoding coding = AcceptEncoding.choose(acceptEncoding, feed.brotli() != null);
    String etag = feed.etag(coding);
    var lastModified = feed.lastModified().truncatedTo(ChronoUnit.SECONDS);
    boolean notModified = Conditional.notModified(ifNoneMatch, ifModifiedSince, etag, lastModified);
    String text = DateTimeFormatter.RFC_1123_DATE_TIME.format(lastModified.atOffset(ZoneOffset.UTC));
    return new FeedReply(feed, coding, notModified, etag, text);
  }

  byte[] body() {
    return feed.bytes(coding);
  }

  static String cacheControl(int maxAgeSeconds) {
    return "public, max-age=" + maxAgeSeconds;
  }
}
