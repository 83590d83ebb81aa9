package dev.tributary.store;

import java.time.Instant;

/** A source's polling health alone, read without its report counts (which scan every report). */
public record SourceStatus(
    String id, boolean active, String parkedReason, int consecutiveFailures, Instant lastSuccess) {}
