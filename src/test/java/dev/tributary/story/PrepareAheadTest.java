package dev.tributary.story;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tributary.config.DefaultSettings;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

/**
 * Items analysed on other threads ({@link ClusteringStoryEngine#prepare}) while the engine decides
 * and indexes earlier ones must be decided exactly as items analysed in turn.
 */
class PrepareAheadTest {
  private static final int BATCH = 30;

  @Test
  void itemsAnalysedOnOtherThreadsWhileOthersAreDecidedAreDecidedAsInTurn() throws Exception {
    List<StoryCandidate> items = items(600);
    var inTurn = new ClusteringStoryEngine(DefaultSettings.story());
    List<Assignment> expected = new ArrayList<>();
    for (StoryCandidate item : items) {
      expected.add(decide(inTurn, item));
    }
    assertThat(expected).filteredOn(a -> a instanceof Assignment.Join).hasSizeGreaterThan(100);

    var ahead = new ClusteringStoryEngine(DefaultSettings.story());
    ExecutorService pool = Executors.newFixedThreadPool(3);
    try {
      List<Assignment> actual = new ArrayList<>();
      List<Future<?>> preparing = prepare(pool, ahead, items.subList(0, BATCH));
      for (int from = 0; from < items.size(); from += BATCH) {
        for (Future<?> f : preparing) {
          f.get();
        }
        int next = Math.min(items.size(), from + BATCH);
        // the next batch is analysed while this one is decided
        preparing = prepare(pool, ahead, items.subList(next, Math.min(items.size(), next + BATCH)));
        for (StoryCandidate item : items.subList(from, next)) {
          actual.add(decide(ahead, item));
        }
      }
      // the same decisions; a score may differ in its last bits, as concurrent analyses number
      // terms in another order and the sums run in that order
      assertThat(actual.stream().map(PrepareAheadTest::decision).toList())
          .isEqualTo(expected.stream().map(PrepareAheadTest::decision).toList());
      for (int i = 0; i < actual.size(); i++) {
        if (actual.get(i) instanceof Assignment.Join a && expected.get(i) instanceof Assignment.Join e) {
          assertThat(a.score()).as("score of item %d", i).isCloseTo(e.score(), org.assertj.core.data.Offset.offset(1e-9));
        }
      }
    } finally {
      pool.shutdownNow();
    }
  }

  @Test
  void whatWasPreparedBeforeAClearIsAnalysedAgain() {
    List<StoryCandidate> items = items(60);
    var inTurn = new ClusteringStoryEngine(DefaultSettings.story());
    var cleared = new ClusteringStoryEngine(DefaultSettings.story());
    cleared.prepare(items);
    cleared.clear();
    for (StoryCandidate item : items) {
      assertThat(decide(cleared, item)).isEqualTo(decide(inTurn, item));
    }
  }

  private static List<Future<?>> prepare(ExecutorService pool, ClusteringStoryEngine engine, List<StoryCandidate> batch) {
    List<Future<?>> out = new ArrayList<>();
    for (int i = 0; i < batch.size(); i += 10) {
      // as the ingest service hands it over: without the id the store gives later
      List<StoryCandidate> part = batch.subList(i, Math.min(batch.size(), i + 10)).stream()
          .map(c -> new StoryCandidate(0, c.sourceId(), c.url(), c.title(), c.text(), c.language(), c.published()))
          .toList();
      out.add(pool.submit(() -> engine.prepare(part)));
    }
    return out;
  }

  private static String decision(Assignment a) {
    return a instanceof Assignment.Join j ? "join " + j.storyId() + " dup " + j.duplicateOfItemId() : "new";
  }

  private static Assignment decide(ClusteringStoryEngine engine, StoryCandidate item) {
    StoryCandidate unsaved = new StoryCandidate(0, item.sourceId(), item.url(), item.title(), item.text(),
        item.language(), item.published());
    Assignment a = engine.assign(unsaved);
    engine.indexed(item, a instanceof Assignment.Join j ? j.storyId() : item.itemId());
    return a;
  }

  /** Synthetic news where every third item retells the one before it in another outlet's words. */
  private static List<StoryCandidate> items(int n) {
    var news = new SyntheticNews(23, 3_000, Instant.parse("2030-01-01T00:00:00Z"), 120);
    List<StoryCandidate> out = new ArrayList<>();
    for (long id = 1; id <= n; id++) {
      StoryCandidate c = news.item(id);
      if (id % 3 == 0) {
        StoryCandidate told = out.get(out.size() - 1);
        c = new StoryCandidate(id, c.sourceId(), c.url(), told.title(), told.text() + " " + news.background(12),
            "en", c.published());
      }
      out.add(c);
    }
    return out;
  }
}
