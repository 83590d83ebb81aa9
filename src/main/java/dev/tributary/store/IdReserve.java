package dev.tributary.store;

import java.util.ArrayDeque;
import java.util.function.LongSupplier;

/**
 * Ids taken from a sequence ahead of need, so an assigning transaction draws them from the
 * database before the cluster-wide lock and none of its sequence round trips fall under it. Ids
 * a batch did not use stay for the next one; one taken by a batch that rolled back is a gap,
 * never used twice.
 */
final class IdReserve {
  private final ArrayDeque<Long> ids = new ArrayDeque<>();

  /** Takes ids from {@code sequence} until at least {@code wanted} are held. */
  synchronized void fill(int wanted, LongSupplier sequence) {
    while (ids.size() < wanted) {
      ids.add(sequence.getAsLong());
    }
  }

  /** An id held, else the next of {@code sequence} (a batch larger than reserved). */
  synchronized long next(LongSupplier sequence) {
    Long id = ids.poll();
    return id != null ? id : sequence.getAsLong();
  }

  synchronized int held() {
    return ids.size();
  }
}
