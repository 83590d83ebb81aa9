package dev.tributary.store;

import dev.tributary.config.TributarySettings;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.List;
import org.jboss.logging.Logger;

/**
 * Drops stories, with their items, once nothing about them has changed for
 * {@code tributary.retention.max-age}: every report was stored before the cutoff and the story
 * has not moved since. Age counts from when Tributary stored a report, not from its publication
 * date, so an archive fetched today is kept for the full period.
 */
@ApplicationScoped
public class RetentionJob {
  private static final Logger LOG = Logger.getLogger(RetentionJob.class);
  private static final int BATCH = 500;

  @Inject TributarySettings settings;
  @Inject InstantSource clock;
  @Inject EntityManager em;
  @Inject Revisions revisions;
  @Inject jakarta.enterprise.event.Event<DataChanged> changed;

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
    int[] batch;
    do {
      batch = QuarkusTransaction.requiringNew().call(() -> purgeBatch(cutoff));
      total += batch[1];
    } while (batch[0] == BATCH);
    if (total > 0) {
      LOG.infof("retention dropped items=%d cutoff=%s", total, cutoff);
    }
    return total;
  }

  /** Returns {stories dropped, items dropped}. */
  private int[] purgeBatch(Instant cutoff) {
    // Whole stories only, so a living story never loses its lead report.
    List<Long> stories = em.createQuery("select s.id from StoryEntity s where s.updated < ?1 and not exists"
            + " (select 1 from ItemEntity i where i.storyId = s.id and i.firstSeen >= ?1)", Long.class)
        .setParameter(1, cutoff).setMaxResults(BATCH).getResultList();
    if (stories.isEmpty()) {
      return new int[] {0, 0};
    }
    List<String> sources = em.createQuery("select distinct i.sourceId from ItemEntity i where i.storyId in ?1", String.class)
        .setParameter(1, stories).getResultList();
    int items = em.createQuery("delete from ItemEntity i where i.storyId in ?1").setParameter(1, stories).executeUpdate();
    em.createQuery("delete from StoryEntity s where s.id in ?1").setParameter(1, stories).executeUpdate();
    if (!sources.isEmpty()) {
      changed.fire(new DataChanged("retention"));
      em.createQuery("update SourceEntity s set s.revision = ?1 where s.id in ?2")
          .setParameter(1, revisions.next()).setParameter(2, sources).executeUpdate();
    }
    return new int[] {stories.size(), items};
  }
}
