package dev.tributary.poll;

import java.time.Duration;
import java.time.Instant;

/**
 * What the scheduler persists per source between polls.
 *
 * @param status active, backing off or parked
 * @param nextDue when to fetch next; null only while parked
 * @param currentInterval the adaptive interval last computed (null before the first success)
 * @param consecutiveFailures failures since the last success; drives the backoff
 * @param lastAttempt when the source was last fetched (or deferred)
 * @param lastChange when new content was last seen
 * @param meanChangeInterval EWMA of the observed time between changes (null until two changes)
 * @param ttlMinutes the feed's RSS {@code <ttl>}, remembered across 304s
 * @param parkedReason why the source is parked, for admins; null unless parked
 */
public record ScheduleState(
    ScheduleStatus status,
    Instant nextDue,
    Duration currentInterval,
    int consecutiveFailures,
    Instant lastAttempt,
    Instant lastChange,
    Duration meanChangeInterval,
    Integer ttlMinutes,
    String parkedReason) {

  /** A new source: due at once. */
  public static ScheduleState initial(Instant now) {
    return new ScheduleState(ScheduleStatus.ACTIVE, now, null, 0, null, null, null, null, null);
  }
}
