package dev.tributary.ingest;

import java.util.function.BooleanSupplier;
import java.util.function.IntSupplier;

/**
 * Takes the cluster-wide assignment lock without idling while another replica holds it: the waiter
 * indexes what the other replicas committed meanwhile, and tries only right after a catch-up that
 * found nothing new, so once it holds the lock little or nothing is left to catch up on (what the
 * last holder committed after that catch-up began). After a round that found nothing the waiter
 * pauses before it catches up again; after {@code rounds} rounds it queues in the database like
 * any other (a replica that never wins a try is not starved).
 */
final class CatchUpWhileWaiting {
  /** The lock: a try that does not wait, and a wait in the database's queue. */
  interface Lock {
    boolean tryAcquire();

    void acquire();
  }

  private CatchUpWhileWaiting() {}

  /**
   * Holds the lock on return. {@code catchUp} indexes what is new and says how many reports;
   * {@code pause} waits a moment. Returns how many reports were caught up on while waiting.
   */
  static int acquire(Lock lock, IntSupplier catchUp, Runnable pause, int rounds) {
    // first a catch-up: the batch took a while to decide, and the last holder may have let go meanwhile
    int found = catchUp.getAsInt();
    int caught = found;
    for (int round = 0; ; round++) {
      // a try only right after a catch-up that found nothing new: a holder that let go meanwhile
      // committed before the try, and what it committed was caught up on (the batch gone through
      // again) before the try, not under the lock the try takes; then one more catch-up, short
      // since the batch was gone through, sees whether yet another holder came and went
      if (found == 0 && lock.tryAcquire()) {
        return caught;
      }
      if (round == rounds) {
        lock.acquire();
        return caught;
      }
      // the pause comes before the catch-up, not after it: a holder mostly commits during a pause
      if (found == 0) {
        pause.run();
      }
      found = catchUp.getAsInt();
      caught += found;
    }
  }

  /** The lock from its two operations. */
  static Lock of(BooleanSupplier tryAcquire, Runnable acquire) {
    return new Lock() {
      @Override
      public boolean tryAcquire() {
        return tryAcquire.getAsBoolean();
      }

      @Override
      public void acquire() {
        acquire.run();
      }
    };
  }
}
