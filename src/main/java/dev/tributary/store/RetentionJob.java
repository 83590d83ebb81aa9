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
 * Drops items first seen longer ago than {@code tributary.retention.max-age}, in small batches,
 * and the stories left without reports. Stories still receiving reports keep their older ones.
 */
@ApplicationScoped
public class RetentionJob {
  private static final Logger LOG = Logger.getLogger(RetentionJob.class);
  private static final int BATCH = 500;

  @Inject TributarySettings settings;
  @Inject InstantSource clock;
  @Inject EntityManager em;
  @Inject Revisions revisions;

  @Scheduled(every = "1h", delayed = "10m", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
  void run() {
    purge();
  }

  /** Returns how many items were dropped. */
  public int purge() {
    Duration maxAge = settings.retention().maxAge();
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
    // Only stories whose newest activity is past the cutoff are dropped, so a story never loses its lead report while alive.
    List<Long> stories = em.createQuery("select s.id from StoryEntity s where s.updated < ?1", Long.class)
        .setParameter(1, cutoff).setMaxResults(BATCH).getResultList();
    if (stories.isEmpty()) {
      return new int[] {0, 0};
    }
    List<String> sources = em.createQuery("select distinct i.sourceId from ItemEntity i where i.storyId in ?1", String.class)
        .setParameter(1, stories).getResultList();
    int items = em.createQuery("delete from ItemEntity i where i.storyId in ?1").setParameter(1, stories).executeUpdate();
    em.createQuery("delete from StoryEntity s where s.id in ?1").setParameter(1, stories).executeUpdate();
    if (!sources.isEmpty()) {
      em.createQuery("update SourceEntity s set s.revision = ?1 where s.id in ?2")
          .setParameter(1, revisions.next()).setParameter(2, sources).executeUpdate();
    }
    return new int[] {stories.size(), items};
  }
}
