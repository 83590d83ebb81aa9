package dev.tributary.store;

import java.time.Duration;
import java.time.Instant;

/**
 * A source's polling state between fetches: the one shape the schedule policy reads and writes,
 * the store keeps, and the admin sees.
 *
 * @param status active, backing off or parked
 * @param nextDue when to fetch next; null only while parked
 * @param interval the adaptive interval last computed (null before the first success)
 * @param failures failures since the last success; drives the backoff
 * @param lastAttempt when the source was last fetched (or deferred)
 * @param rhythm how often the feed has been seeing changes
 * @param parkedReason why the source is parked, for admins; null unless parked
 */
public record Schedule(Status status, Instant nextDue, Duration interval, int failures, Instant lastAttempt,
    Rhythm rhythm, String parkedReason) {

  /** Where a source stands in its schedule. */
  public enum Status {
    /** Polling on its (adaptive) interval. */
    ACTIVE,
    /** Failing: retrying with exponential backoff, capped, never giving up. */
    BACKING_OFF,
    /** Stopped on the publisher's word (410 Gone) until an admin unparks it. */
    PARKED
  }

  /**
   * The feed's own pace.
   *
   * @param lastChange when new content was last seen
   * @param meanChangeInterval EWMA of the observed time between changes (null until two changes)
   * @param ttlMinutes the feed's RSS {@code <ttl>}, remembered across 304s
   */
  public record Rhythm(Instant lastChange, Duration meanChangeInterval, Integer ttlMinutes) {
    public static final Rhythm UNKNOWN = new Rhythm(null, null, null);
  }

  public Schedule {
    if (rhythm == null) {
      rhythm = Rhythm.UNKNOWN;
    }
  }

  /** A new source: due at once. */
  public static Schedule initial(Instant now) {
    return new Schedule(Status.ACTIVE, now, null, 0, null, Rhythm.UNKNOWN, null);
  }

  public Schedule withNextDue(Instant due) {
    return new Schedule(status, due, interval, failures, lastAttempt, rhythm, parkedReason);
  }
}
