package dev.tributary.store;

import java.time.Instant;

/** What polling needs to know of a source: where to fetch, what to send back, where its schedule stands. */
public record SourceState(String id, String url, Validators validators, Schedule schedule, Instant lastSuccess) {}
