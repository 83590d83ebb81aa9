package dev.tributary.story;

import java.time.Instant;
import java.util.Locale;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * Items per second assigned with 10k and with 100k items already indexed. Synthetic items arrive
 * at a steady rate (one every 20 s), so a larger store spans more days, as a real one does.
 * Prints figures and asserts nothing about time. Run with
 * {@code ./mvnw -B test -Pbench -Dtest=StoryThroughputBench}.
 */
@Tag("bench")
class StoryThroughputBench {

  private static final int MEASURED = 2_000;

  @Test
  void throughputAsTheStoreGrows() {
    double small = itemsPerSecond(10_000);
    double large = itemsPerSecond(100_000);
    System.out.printf(Locale.ROOT,
        "throughput: %.0f items/s with 10k indexed, %.0f items/s with 100k indexed, cost growth %.2fx%n",
        small, large, small / large);
  }

  private static double itemsPerSecond(int preloaded) {
    var news = new SyntheticNews(42, 20_000, Instant.parse("2025-01-01T00:00:00Z"), 20);
    var engine = new ClusteringStoryEngine();
    for (long id = 1; id <= preloaded; id++) {
      engine.indexed(news.item(id), id);
    }
    long id = preloaded;
    // warm-up: let the JIT settle before timing
    for (int i = 0; i < 500; i++) {
      assignAndIndex(engine, news.item(++id));
    }
    int indexedBefore = engine.size();
    long t0 = System.nanoTime();
    for (int i = 0; i < MEASURED; i++) {
      assignAndIndex(engine, news.item(++id));
    }
    double seconds = (System.nanoTime() - t0) / 1e9;
    double rate = MEASURED / seconds;
    System.out.printf(Locale.ROOT, "%,d preloaded (%,d in the index): %.0f items/s%n", preloaded, indexedBefore, rate);
    return rate;
  }

  private static void assignAndIndex(ClusteringStoryEngine engine, StoryCandidate item) {
    Assignment a = engine.assign(item);
    engine.indexed(item, a instanceof Assignment.Join j ? j.storyId() : item.itemId());
  }
}
