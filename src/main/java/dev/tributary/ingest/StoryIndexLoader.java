package dev.tributary.ingest;

import dev.tributary.sanitize.HtmlText;
import dev.tributary.store.IndexedItem;
import dev.tributary.store.ItemFields;
import dev.tributary.store.ItemStore;
import dev.tributary.story.StoryCandidate;
import dev.tributary.story.StoryEngine;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.List;
import org.jboss.logging.Logger;

/** Keeps the story engine's in-memory index in step with the database, the truth. */
@ApplicationScoped
public class StoryIndexLoader {
  private static final Logger LOG = Logger.getLogger(StoryIndexLoader.class);
  private static final int PAGE = 1000;

  @Inject StoryEngine engine;
  @Inject ItemStore items;
  @Inject InstantSource clock;
  @Inject StoryEngineProducer stories;

  /** Highest assignment stamp the engine has seen; items above it were stored by another replica. */
  private long indexedSeq;

  void onStart(@Observes StartupEvent event) {
    rebuild();
  }

  /** Reloads the index from the reports stored within the engine's statistics horizon. */
  public synchronized void rebuild() {
    Duration window = stories.config().statsHorizon();
    engine.clear();
    indexedSeq = QuarkusTransaction.requiringNew().call(items::maxSeq);
    Instant since = clock.instant().minus(window);
    long lastId = Long.MIN_VALUE;
    int count = 0;
    while (true) {
      final long after = lastId;
      List<IndexedItem> page = QuarkusTransaction.requiringNew().call(() -> items.seenSince(since, after, PAGE));
      for (IndexedItem item : page) {
        engine.indexed(candidate(item), item.storyId());
        lastId = item.id();
      }
      count += page.size();
      if (page.size() < PAGE) {
        break;
      }
    }
    LOG.infof("story index rebuilt items=%d window=%s", count, window);
  }

  /**
   * Indexes items other replicas assigned since this one last looked. Called inside the assigning
   * transaction, after the assignment lock is taken, so the engine decides with what they decided.
   */
  synchronized void catchUp() {
    // every page: a regrouping elsewhere may have moved thousands of items at once
    while (true) {
      List<IndexedItem> missed = items.assignedAfter(indexedSeq, PAGE);
      for (IndexedItem item : missed) {
        engine.indexed(candidate(item), item.storyId());
        indexedSeq = item.seq();
      }
      if (missed.size() < PAGE) {
        break;
      }
    }
  }

  synchronized void indexed(StoryCandidate candidate, long storyId, long seq) {
    engine.indexed(candidate, storyId);
    indexedSeq = Math.max(indexedSeq, seq);
  }

  private static StoryCandidate candidate(IndexedItem item) {
    return candidate(item.id(), item.sourceId(), new ItemFields(item.url(), item.title(), item.summaryHtml(), null,
        item.language(), item.published(), null), null, item.firstSeen());
  }

  /**
   * An undated report is placed in time by when it was first seen. The engine gets the link as the
   * article's identity (canonical, fragment kept apart), so it keeps reports of one article together
   * as ingestion does, however each source spelled the link.
   */
  static StoryCandidate candidate(long id, String sourceId, ItemFields f, String text, Instant firstSeen) {
    String body = text != null ? text : HtmlText.of(f.summaryHtml());
    return new StoryCandidate(id, sourceId, linkIdentity(f.url()), f.title(), body, f.language(),
        f.published() != null ? f.published() : firstSeen, f.published() != null);
  }

  static String linkIdentity(String url) {
    String fragment = url == null ? "" : CanonicalUrl.fragment(url);
    return CanonicalUrl.identityKey(url).map(k -> fragment.isEmpty() ? k : k + "#" + fragment).orElse(null);
  }
}
