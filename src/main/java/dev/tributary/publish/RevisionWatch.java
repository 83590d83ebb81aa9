package dev.tributary.publish;

import dev.tributary.store.DataChanged;
import dev.tributary.store.Revisions;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.ReentrantLock;
import org.eclipse.microprofile.context.ManagedExecutor;

/**
 * The data revision merged feeds are cached at, held in memory. The database's counter is read at
 * most once a second while feeds are asked for, and at once after this replica commits a change
 * (ingest, regroup, retention, source titles: every {@link DataChanged}), so a replica always shows
 * its own writes; another replica's change shows within that second and one indexed query. The
 * ETag comes from the bytes, never from this counter, so replicas agree on it.
 */
@ApplicationScoped
class RevisionWatch {
  private static final Duration RECHECK = Duration.ofSeconds(1);
  static final long UNKNOWN = -1;

  @Inject Revisions revisions;
  @Inject InstantSource clock;
  @Inject ManagedExecutor executor;

  private volatile long known;
  private volatile boolean isKnown;
  private volatile Instant checkedAt;
  private final ReentrantLock reading = new ReentrantLock();
  /** Bumped by every local commit, so a read that raced with one is not taken as fresh. */
  private final AtomicLong localChanges = new AtomicLong();
  private final AtomicBoolean readQueued = new AtomicBoolean();

  void onChange(@Observes(during = TransactionPhase.AFTER_SUCCESS) DataChanged event) {
    localChanges.incrementAndGet();
    checkedAt = null;
  }

  /**
   * The current revision, reading the database when the second is up. After a local change (or
   * before the first read) the caller waits for a read, so what this replica wrote shows; when
   * only the second is up, a read already under way is not waited for and the revision known a
   * moment ago is answered (a burst of readers must not drain the JDBC pool).
   */
  long current() {
    Instant checked = checkedAt;
    if (fresh(checked, clock.instant())) {
      return known;
    }
    if (!isKnown || checked == null) {
      reading.lock();
    } else if (!reading.tryLock()) {
      return known;
    }
    try {
      Instant now = clock.instant();
      if (fresh(checkedAt, now)) {
        return known; // read by another caller while this one waited
      }
      long changesBefore = localChanges.get();
      known = QuarkusTransaction.joiningExisting().call(revisions::current);
      isKnown = true;
      if (localChanges.get() == changesBefore) {
        checkedAt = now;
      }
      return known;
    } finally {
      reading.unlock();
    }
  }

  /**
   * The revision without blocking, for the event loop: {@link #UNKNOWN} when the caller must take
   * {@link #current()} (nothing read yet, or this replica changed data since). When the second is
   * up the known revision is still answered and the database is read in the background.
   */
  long peek() {
    Instant checked = checkedAt;
    if (!isKnown || checked == null) {
      return UNKNOWN;
    }
    if (!fresh(checked, clock.instant()) && readQueued.compareAndSet(false, true)) {
      try {
        executor.execute(() -> {
          try {
            current();
          } finally {
            readQueued.set(false);
          }
        });
      } catch (RuntimeException e) {
        readQueued.set(false);
        return UNKNOWN; // no worker to spare: the caller reads it itself
      }
    }
    return known;
  }

  private static boolean fresh(Instant checked, Instant now) {
    return checked != null && !now.isAfter(checked.plus(RECHECK)) && !now.isBefore(checked);
  }
}
