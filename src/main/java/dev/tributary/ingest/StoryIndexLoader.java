package dev.tributary.ingest;

import dev.tributary.sanitize.HtmlText;
import dev.tributary.store.IndexedItem;
import dev.tributary.store.ItemFields;
import dev.tributary.store.ItemStore;
import dev.tributary.story.StoryCandidate;
import dev.tributary.story.StoryEngine;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.quarkus.vertx.http.HttpServerStart;
import io.quarkus.vertx.http.HttpsServerStart;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.ObservesAsync;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

/**
 * Keeps the story engine's in-memory index in step with the database, the truth. Once the server
 * listens the index is loaded on a thread of its own, so the service is ready to serve at once; nothing is
 * assigned to a story until the load has finished ({@link #loaded}, {@link #catchUp}).
 */
@ApplicationScoped
public class StoryIndexLoader {
  private static final Logger LOG = Logger.getLogger(StoryIndexLoader.class);
  private static final int PAGE = 1000;
  private static final Duration RETRY = Duration.ofSeconds(5);

  @Inject StoryEngine engine;
  @Inject ItemStore items;
  @Inject InstantSource clock;
  @Inject StoryEngineProducer stories;

  /** Highest assignment stamp the engine has seen; items above it were stored by another replica. */
  private long indexedSeq;

  private final CountDownLatch firstLoad = new CountDownLatch(1);
  private volatile int loadedItems = -1;
  private volatile boolean stopping;

  @ConfigProperty(name = "quarkus.http.host-enabled", defaultValue = "true")
  boolean httpEnabled;
  private final AtomicBoolean loadStarted = new AtomicBoolean();

  // The load starts once the server listens: 100k reports take seconds of CPU, which on a small
  // pod would otherwise compete with the rest of start-up for cores readiness does not need.
  void onStart(@Observes StartupEvent event) {
    if (!httpEnabled) {
      startLoading();
    }
  }

  void onListening(@ObservesAsync HttpServerStart event) {
    startLoading();
  }

  void onListening(@ObservesAsync HttpsServerStart event) {
    startLoading();
  }

  /** Whether the loading thread was started (once, whichever start event came first). */
  boolean loadStarted() {
    return loadStarted.get();
  }

  private void startLoading() {
    if (loadStarted.compareAndSet(false, true)) {
      Thread loader = new Thread(this::loadAtStart, "story-index-loader");
      loader.setDaemon(true);
      loader.start();
    }
  }

  void onStop(@Observes ShutdownEvent event) {
    stopping = true;
  }

  // 100k stored reports take seconds of analysis: serving must not wait for them, only assignment
  private void loadAtStart() {
    while (!stopping) {
      try {
        rebuild();
        return;
      } catch (RuntimeException e) {
        LOG.errorf("story index load failed, retrying in %s: %s", RETRY, e.toString());
        try {
          Thread.sleep(RETRY.toMillis());
        } catch (InterruptedException stop) {
          return; // shutting down
        }
      }
    }
  }

  /** Whether the index holds what the database held at start-up; until then polling waits. */
  public boolean loaded() {
    return firstLoad.getCount() == 0;
  }

  /** Items the first load indexed, -1 while it runs. */
  public int loadedItems() {
    return loadedItems;
  }

  /** Reloads the index from the reports stored within the engine's statistics horizon. */
  public synchronized void rebuild() {
    Instant started = clock.instant();
    Duration window = stories.config().statsHorizon();
    engine.clear();
    indexedSeq = QuarkusTransaction.requiringNew().call(items::maxSeq);
    Instant since = clock.instant().minus(window);
    long lastId = Long.MIN_VALUE;
    int count = 0;
    while (true) {
      final long after = lastId;
      List<IndexedItem> page = QuarkusTransaction.requiringNew()
          .call(() -> items.seenSince(since, after, PAGE, engine.analysisVersion()));
      for (IndexedItem item : page) {
        index(item);
        lastId = item.id();
      }
      count += page.size();
      if (page.size() < PAGE) {
        break;
      }
    }
    LOG.infof("story index rebuilt items=%d window=%s tookMs=%d", count, window,
        Duration.between(started, clock.instant()).toMillis());
    if (!loaded()) {
      loadedItems = count;
      firstLoad.countDown();
    }
  }

  /**
   * Indexes items other replicas assigned (or moved) since this one last looked. Called inside the
   * assigning transaction, after the assignment lock is taken, so the engine decides with what they
   * decided (and before it, so less is left to do under the lock).
   */
  void catchUp() {
    catchUp(item -> { });
  }

  /** As {@link #catchUp()}, showing {@code seen} each item caught up on; returns how many. */
  int catchUp(Consumer<IndexedItem> seen) {
    // a backstop: polling waits for the load (loaded()); no decision may be taken on a part of the index
    awaitLoad();
    synchronized (this) {
      return catchUpLoaded(seen);
    }
  }

  private void awaitLoad() {
    try {
      firstLoad.await();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted waiting for the story index to load", e);
    }
  }

  private int catchUpLoaded(Consumer<IndexedItem> seen) {
    int caught = 0;
    // every page: a regrouping elsewhere may have moved thousands of items at once
    while (true) {
      List<IndexedItem> missed = items.assignedAfter(indexedSeq, PAGE, engine.analysisVersion());
      for (IndexedItem item : missed) {
        index(item);
        indexedSeq = item.seq();
        seen.accept(item);
      }
      caught += missed.size();
      if (missed.size() < PAGE) {
        return caught;
      }
    }
  }

  /** A report this replica indexed (ahead of storing it) is stored under {@code seq}: no need to catch up on it. */
  synchronized void stored(long seq) {
    indexedSeq = Math.max(indexedSeq, seq);
  }

  // the analysis stored with the item when the engine can read it, else the text analysed again
  private void index(IndexedItem item) {
    if (item.analysis() == null
        || !engine.indexedAnalysed(item.id(), item.sourceId(), linkIdentity(item.url()), item.analysis(), item.storyId())) {
      engine.indexed(candidate(item), item.storyId());
    }
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
