package dev.tributary.web;

import dev.tributary.publish.ContentCoding;
import dev.tributary.publish.RenderedFeed;
import java.time.Instant;
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
    return of(feed, Validators.of(feed), acceptEncoding, ifNoneMatch, ifModifiedSince);
  }

  static FeedReply of(RenderedFeed feed, Validators v, String acceptEncoding, String ifNoneMatch, String ifModifiedSince) {
    ContentCoding coding = AcceptEncoding.choose(acceptEncoding, feed.brotli() != null);
    String etag = v.etag(coding);
    boolean notModified = Conditional.notModified(ifNoneMatch, ifModifiedSince, etag, v.lastModified());
    return new FeedReply(feed, coding, notModified, etag, v.lastModifiedText());
  }

  /** A feed's validators as sent, worked out once per rendering rather than per request. */
  record Validators(Instant lastModified, String lastModifiedText, String identity, String gzip, String brotli) {
    static Validators of(RenderedFeed feed) {
      Instant seconds = feed.lastModified().truncatedTo(ChronoUnit.SECONDS);
      return new Validators(seconds, DateTimeFormatter.RFC_1123_DATE_TIME.format(seconds.atOffset(ZoneOffset.UTC)),
          feed.etag(ContentCoding.IDENTITY), feed.etag(ContentCoding.GZIP), feed.etag(ContentCoding.BROTLI));
    }

    String etag(ContentCoding coding) {
      return switch (coding) {
        case IDENTITY -> identity;
        case GZIP -> gzip;
        case BROTLI -> brotli;
      };
    }
  }

  byte[] body() {
    return feed.bytes(coding);
  }

  static String cacheControl(int maxAgeSeconds) {
    return "public, max-age=" + maxAgeSeconds;
  }
}
