package dev.tributary.store;

import java.time.Duration;
import java.time.Instant;

/**
 * The outcome of one poll, as stored on the source. {@code error} null means success;
 * {@code changed} says whether new or updated items came in (drives the adaptive interval).
 */
public record FetchRecord(
    Instant at,
    Integer status,
    String error,
    String errorKind,
    String etag,
    String lastModified,
    String feedTitle,
    boolean changed,
    Instant nextFetch,
    Duration interval,
    int consecutiveFailures,
    String parkedReason,
    String permanentRedirect) {}
