package dev.tributary.publish;

import java.time.Instant;

/** A rendered merged feed, cached until the data revision moves. */
public record RenderedFeed(byte[] body, String etag, Instant lastModified, String mediaType, long revision) {}
