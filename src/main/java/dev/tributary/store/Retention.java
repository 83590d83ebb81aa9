package dev.tributary.store;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.List;

/**
 * Drops whole stories, with their items, whose every report was stored before a cutoff and that
 * have not moved since: a living story never loses its lead report.
 */
@ApplicationScoped
public class Retention {
  @Inject EntityManager em;
  @Inject Revisions revisions;
  @Inject Event<DataChanged> changed;

  /** What one batch dropped. */
  public record Dropped(int stories, int items) {}

  /** Drops up to {@code batch} stories in a transaction of its own. */
  @Transactional(Transactional.TxType.REQUIRES_NEW)
  public Dropped dropBatch(Instant cutoff, int batch) {
    List<Long> stories = em.createQuery("select s.id from StoryEntity s where s.updated < ?1 and not exists"
            + " (select 1 from ItemEntity i where i.storyId = s.id and i.firstSeen >= ?1)", Long.class)
        .setParameter(1, cutoff).setMaxResults(batch).getResultList();
    if (stories.isEmpty()) {
      return new Dropped(0, 0);
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
    return new Dropped(stories.size(), items);
  }
}
