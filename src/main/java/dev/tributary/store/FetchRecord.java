package dev.tributary.store;

import java.time.Duration;
import java.time.Instant;

/**
 * The outcome of one poll, as stored on the source. {@code error} null means success;
 * {@code lastChange} is when new or changed items were last seen (drives the adaptive interval).
 */
public record FetchRecord(
    Instant at,
    Integer status,
    String error,
    String errorKind,
    String etag,
    String lastModified,
    String feedTitle,
    Instant lastChange,
    Instant nextFetch,
    Duration interval,
    int consecutiveFailures,
    String parkedReason,
    String permanentRedirect,
    Duration meanChangeInterval,
    Integer ttlMinutes) {}
