package dev.tributary.fetch;

import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.concurrent.locks.LockSupport;

/** Waits until an instant of the injected clock; tests pass one that just advances a fake clock. */
@FunctionalInterface
public interface Sleeper {
  void sleepUntil(Instant deadline) throws InterruptedException;

  /** Parks the calling thread until {@code clock} reaches the deadline. */
  static Sleeper real(InstantSource clock) {
    return deadline -> {
      while (true) {
        if (Thread.interrupted()) throw new InterruptedException();
        Duration left = Duration.between(clock.instant(), deadline);
        if (left.isZero() || left.isNegative()) return;
        LockSupport.parkNanos(left.toNanos());
      }
    };
  }
}
