package dev.tributary.ingest;

import jakarta.enterprise.context.ApplicationScoped;
import java.util.concurrent.Semaphore;
import java.util.function.Supplier;

/**
 * The pollers' CPU-bound work (parsing a feed, analysing its new reports) runs on at most one
 * thread fewer than the cores at once (at least one). Pollers are many for slow publishers, not
 * for CPU: more of them computing at once only time-slice with each other and with the one thread
 * that decides under the cluster-wide assignment lock, which every replica waits for. Measured on
 * 2 cores, that thread was on a core for 6-24 % of the time it held the lock; this leaves it one.
 */
@ApplicationScoped
public class CpuSlots {
  private final Semaphore slots;

  public CpuSlots() {
    this(slotsFor(Runtime.getRuntime().availableProcessors()));
  }

  CpuSlots(int slots) {
    this.slots = new Semaphore(slots, true);
  }

  /** Threads that may compute at once on a machine of {@code cores}: one core is left for assignment. */
  static int slotsFor(int cores) {
    return Math.max(1, cores - 1);
  }

  /** Runs {@code work} once a slot is free. */
  public <T> T call(Supplier<T> work) {
    slots.acquireUninterruptibly();
    try {
      return work.get();
    } finally {
      slots.release();
    }
  }

  /** Threads waiting for a slot now. */
  int waiting() {
    return slots.getQueueLength();
  }
}
