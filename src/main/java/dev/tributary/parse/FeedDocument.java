package dev.tributary.parse;

import java.net.URI;

/**
 * What the parser is given: the raw bytes, the HTTP {@code Content-Type} and
 * {@code Content-Location} (either may be null) and the URL the bytes came from.
 */
public record FeedDocument(byte[] body, String contentType, String contentLocation, URI url) {}
