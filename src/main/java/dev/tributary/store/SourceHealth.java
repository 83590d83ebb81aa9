package dev.tributary.store;

import java.time.Duration;
import java.time.Instant;

/**
 * A source's health as admins see it: its last fetch and outcome, what happens next, how many
 * reports it has stored. {@code title} is the configured title, else the feed's own.
 * {@code seen}/{@code added}: entries in the last feed read and how many of them were new
 * (null before the first); {@code merged}: stored reports that are duplicates of another report,
 * so "nothing new" reads apart from "thrown away".
 */
public record SourceHealth(
    String id,
    String url,
    String title,
    boolean active,
    Instant lastFetch,
    Instant lastSuccess,
    Integer lastStatus,
    String lastError,
    String errorKind,
    Instant nextFetch,
    int consecutiveFailures,
    Duration interval,
    String parkedReason,
    String permanentRedirect,
    String etag,
    String lastModified,
    long items,
    Integer seen,
    Integer added,
    long merged) {

  static SourceHealth of(SourceEntity s, long items, long merged) {
    return new SourceHealth(s.id, s.url, s.title != null ? s.title : s.feedTitle, s.active, s.lastFetch,
        s.lastSuccess, s.lastStatus, s.lastError, s.errorKind, s.nextFetch, s.consecutiveFailures,
        s.intervalSeconds == null ? null : Duration.ofSeconds(s.intervalSeconds), s.parkedReason,
        s.permanentRedirect, s.etag, s.lastModified, items, s.lastSeen, s.lastNew, merged);
  }
}
