package dev.tributary.story;

import dev.tributary.config.DefaultSettings;
import java.lang.management.ManagementFactory;
import java.time.Instant;
import java.util.Arrays;
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

  private static final int MEASURED = Integer.getInteger("story.measured", 4_000);

  @Test
  void analysisAlone() {
    var news = new SyntheticNews(7, 20_000, Instant.parse("2025-01-01T00:00:00Z"), 20);
    var builder = new ProfileBuilder(DefaultSettings.story());
    var vocabulary = new Vocabulary();
    for (int i = 0; i < 2_000; i++) builder.build(news.item(i), 0, vocabulary);
    long t0 = System.nanoTime();
    for (int i = 0; i < MEASURED; i++) builder.build(news.item(10_000 + i), 0, vocabulary);
    System.out.printf(Locale.ROOT, "analysis alone: %.0f items/s%n", MEASURED / ((System.nanoTime() - t0) / 1e9));
  }

  /**
   * Both stores are built first, then measured in alternating rounds, and each reports its median
   * round: on a shared machine a neighbour's burst or a late compilation then lands on one round of
   * either store, not on one store's whole measurement.
   */
  @Test
  void throughputAsTheStoreGrows() {
    Store small = new Store(10_000);
    Store large = new Store(100_000);
    int rounds = 5;
    double[] smallRates = new double[rounds];
    double[] largeRates = new double[rounds];
    for (int r = 0; r < rounds; r++) {
      smallRates[r] = small.measure(MEASURED / rounds);
      largeRates[r] = large.measure(MEASURED / rounds);
    }
    double s = median(smallRates), l = median(largeRates);
    System.out.printf(Locale.ROOT, "10k rounds (items/CPU-second): %s%n100k rounds: %s%n",
        Arrays.toString(round(smallRates)), Arrays.toString(round(largeRates)));
    System.out.printf(Locale.ROOT,
        "throughput (per CPU-second, median of %d rounds): %.0f items/s with 10k indexed, %.0f items/s with 100k indexed, cost growth %.2fx%n",
        rounds, s, l, s / l);
  }

  /** An engine preloaded with {@code preloaded} synthetic items and warmed up, fed new items on demand. */
  private static final class Store {
    private final SyntheticNews news = new SyntheticNews(42, 20_000, Instant.parse("2025-01-01T00:00:00Z"), 20);
    private final ClusteringStoryEngine engine = new ClusteringStoryEngine(DefaultSettings.story());
    private long id;

    Store(int preloaded) {
      for (id = 1; id <= preloaded; id++) {
        engine.indexed(news.item(id), id);
      }
      id = preloaded;
      // warm-up: let the JIT settle before timing
      for (int i = 0; i < 3_000; i++) {
        assignAndIndex(engine, news.item(++id));
      }
    }

    /** Items per CPU-second over the next {@code n} items (generated beforehand: only the engine is timed). */
    double measure(int n) {
      StoryCandidate[] items = new StoryCandidate[n];
      for (int i = 0; i < n; i++) {
        items[i] = news.item(++id);
      }
      var threads = ManagementFactory.getThreadMXBean();
      long cpu0 = threads.getCurrentThreadCpuTime();
      for (StoryCandidate item : items) {
        assignAndIndex(engine, item);
      }
      // CPU time, not wall time: on a shared machine wall time also measures the neighbours
      return n / ((threads.getCurrentThreadCpuTime() - cpu0) / 1e9);
    }
  }

  private static double median(double[] values) {
    double[] sorted = values.clone();
    Arrays.sort(sorted);
    return sorted[sorted.length / 2];
  }

  private static long[] round(double[] values) {
    return Arrays.stream(values).mapToLong(Math::round).toArray();
  }

  /** What one regrouping pass costs at its default bound (3,000 items) in a 10k and a 100k index. */
  @Test
  void regroupingTheNewestItems() {
    for (int preloaded : new int[] {10_000, 100_000}) {
      var news = new SyntheticNews(42, 20_000, Instant.parse("2025-01-01T00:00:00Z"), 20);
      var engine = new ClusteringStoryEngine(DefaultSettings.story());
      for (long id = 1; id <= preloaded; id++) {
        assignAndIndex(engine, news.item(id));
      }
      engine.regroup(news.item(preloaded - 500).published().getEpochSecond(), 500); // warm-up
      var threads = ManagementFactory.getThreadMXBean();
      long cpu0 = threads.getCurrentThreadCpuTime();
      RegroupPlan plan = engine.planRegroup(news.item(preloaded - 3_000).published().getEpochSecond(), 3_000);
      long cpu1 = threads.getCurrentThreadCpuTime();
      engine.computeRegroup(plan);
      long cpu2 = threads.getCurrentThreadCpuTime();
      Regrouping r = engine.applyRegroup(plan);
      long cpu3 = threads.getCurrentThreadCpuTime();
      double cpuSeconds = (cpu3 - cpu0) / 1e9;
      System.out.printf(Locale.ROOT, "regrouping %,d of %,d indexed: %.2f CPU-s (%.0f items/CPU-second), %d moved;"
              + " engine held for the copy %.1f CPU-ms and the moves %.1f CPU-ms, computed apart in %.2f CPU-s%n",
          r.considered(), engine.size(), cpuSeconds, r.considered() / cpuSeconds, r.moves().size(),
          (cpu1 - cpu0) / 1e6, (cpu3 - cpu2) / 1e6, (cpu2 - cpu1) / 1e9);
    }
  }

  private static void assignAndIndex(ClusteringStoryEngine engine, StoryCandidate item) {
    Assignment a = engine.assign(item);
    engine.indexed(item, a instanceof Assignment.Join j ? j.storyId() : item.itemId());
  }
}
