package dev.tributary.fetch;

import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;

/** A clock tests move by hand; as a {@link Sleeper} it "sleeps" by jumping ahead. */
final class MutableClock implements InstantSource, Sleeper {
  private Instant now;

  MutableClock(Instant start) {
    this.now = start;
  }

  @Override
  public synchronized Instant instant() {
    return now;
  }

  synchronized void advance(Duration d) {
    now = now.plus(d);
  }

  @Override
  public synchronized void sleepUntil(Instant deadline) {
    if (deadline.isAfter(now)) now = deadline;
  }
}
