package dev.tributary.store;

import java.time.Duration;
import java.time.Instant;

/** What polling needs to know of a source between fetches. */
public record SourceState(
    String id,
    String url,
    String etag,
    String lastModified,
    Duration interval,
    int consecutiveFailures,
    Instant lastChange,
    Instant lastSuccess,
    Instant lastFetch,
    Duration meanChangeInterval,
    Integer ttlMinutes,
    String parkedReason) {}
