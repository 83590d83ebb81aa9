package dev.tributary.poll;

/** Where a source stands in its schedule; shown beside its health. */
public enum ScheduleStatus {
  /** Polling on its (adaptive) interval. */
  ACTIVE,
  /** Failing: retrying with exponential backoff, capped, never giving up. */
  BACKING_OFF,
  /** Stopped on the publisher's word (410 Gone) until an admin unparks it. */
  PARKED
}
