package dev.tributary.store;

import dev.tributary.story.StoryCandidate;
import dev.tributary.story.StoryEngine;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.InstantSource;
import java.util.List;
import org.jboss.logging.Logger;
import org.jsoup.Jsoup;

/** Rebuilds the story engine's in-memory index from the database, the truth, at start-up. */
@ApplicationScoped
public class StoryIndexLoader {
  private static final Logger LOG = Logger.getLogger(StoryIndexLoader.class);
  /** Items stored longer ago are not reloaded: the engine's statistics horizon. */
  static final Duration WINDOW = dev.tributary.story.StoryConfig.defaults().statsHorizon();
  private static final int PAGE = 1000;

  @Inject StoryEngine engine;
  @Inject InstantSource clock;

  void onStart(@Observes StartupEvent event) {
    rebuild();
  }

  /** Highest assignment stamp the engine has seen; items above it were stored by another replica. */
  private long indexedSeq;

  public synchronized void rebuild() {
    engine.clear();
    indexedSeq = QuarkusTransaction.requiringNew().call(() -> {
      Long max = ItemEntity.getEntityManager().createQuery("select max(i.seq) from ItemEntity i", Long.class).getSingleResult();
      return max == null ? 0L : max;
    });
    var since = clock.instant().minus(WINDOW);
    long lastId = Long.MIN_VALUE;
    int count = 0;
    while (true) {
      final long after = lastId;
      List<ItemEntity> page = QuarkusTransaction.requiringNew().call(() ->
          ItemEntity.<ItemEntity>find("firstSeen >= ?1 and id > ?2 order by id", since, after).page(0, PAGE).list());
      for (ItemEntity item : page) {
        engine.indexed(candidate(item, null), item.storyId);
        lastId = item.id;
      }
      count += page.size();
      if (page.size() < PAGE) {
        break;
      }
    }
    LOG.infof("story index rebuilt items=%d window=%s", count, WINDOW);
  }

  /**
   * Indexes items other replicas assigned since this one last looked. Called inside the assigning
   * transaction, after the assignment lock is taken, so the engine decides with what they decided.
   */
  synchronized void catchUp() {
    // every page: a regrouping elsewhere may have moved thousands of items at once
    while (true) {
      List<ItemEntity> missed = ItemEntity.<ItemEntity>find("seq > ?1 order by seq", indexedSeq).page(0, PAGE).list();
      for (ItemEntity item : missed) {
        engine.indexed(candidate(item, null), item.storyId);
        indexedSeq = item.seq;
      }
      if (missed.size() < PAGE) {
        break;
      }
      ItemEntity.getEntityManager().clear();
    }
  }

  synchronized void indexed(StoryCandidate candidate, long storyId, long seq) {
    engine.indexed(candidate, storyId);
    indexedSeq = Math.max(indexedSeq, seq);
  }

  static StoryCandidate candidate(ItemEntity item, String text) {
    String body = text != null ? text : item.summary == null ? "" : Jsoup.parse(item.summary).text();
    return new StoryCandidate(item.id == null ? 0 : item.id, item.sourceId, item.url, item.title, body,
        item.language, item.published != null ? item.published : item.firstSeen, item.published != null);
  }
}
