package dev.tributary.publish;

import java.time.Instant;

/**
 * A rendered merged feed in every coding it is served in, cached until the data revision moves.
 * The compressed bytes are made once when the content is new, never per request; {@code brotli}
 * is null where the encoder is unavailable.
 */
public record RenderedFeed(
    byte[] body, byte[] gzip, byte[] brotli, String etag, Instant lastModified, String mediaType, long revision) {

  /** The bytes sent for a coding. */
  public byte[] bytes(ContentCoding coding) {
    return switch (coding) {
      case IDENTITY -> body;
      case GZIP -> gzip;
      case BROTLI -> brotli;
    };
  }

  /** The strong ETag of the representation in that coding. */
  public String etag(ContentCoding coding) {
    return coding.tagFor(etag);
  }

  /** The same content at a newer revision: the bytes (and their compressed forms) are reused. */
  RenderedFeed at(long newRevision) {
    return new RenderedFeed(body, gzip, brotli, etag, lastModified, mediaType, newRevision);
  }
}
