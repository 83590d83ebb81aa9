package dev.tributary.poll;

import dev.tributary.config.TributarySettings;
import dev.tributary.store.Retention;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import org.jboss.logging.Logger;

/**
 * Drops stories, with their items, once nothing about them has changed for
 * {@code tributary.retention.max-age}. Age counts from when Tributary stored a report, not from
 * its publication date, so an archive fetched today is kept for the full period.
 */
@ApplicationScoped
public class RetentionJob {
  private static final Logger LOG = Logger.getLogger(RetentionJob.class);
  private static final int BATCH = 500;

  @Inject TributarySettings settings;
  @Inject InstantSource clock;
  @Inject Retention retention;

  @Scheduled(every = "1h", delayed = "10m", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
  void run() {
    purge();
  }

  public int purge() {
    return purge(settings.retention().maxAge());
  }

  /** Drops what is older than {@code maxAge}; returns how many items went. */
  public int purge(Duration maxAge) {
    if (maxAge.isZero() || maxAge.isNegative()) {
      return 0;
    }
    Instant cutoff = clock.instant().minus(maxAge);
    int total = 0;
    Retention.Dropped batch;
    do {
      batch = retention.dropBatch(cutoff, BATCH);
      total += batch.items();
    } while (batch.stories() == BATCH);
    if (total > 0) {
      LOG.infof("retention dropped items=%d cutoff=%s", total, cutoff);
    }
    return total;
  }
}
