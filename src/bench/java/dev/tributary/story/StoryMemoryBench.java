package dev.tributary.story;

import dev.tributary.config.DefaultSettings;
import java.lang.management.ManagementFactory;
import java.time.Instant;
import java.util.Locale;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * Heap retained per indexed item: the engine's own fixed cost (analyzers, term map) is measured
 * after the first item, so the delta is what the index grows by. Prints figures, asserts nothing.
 * Run with {@code ./mvnw -B test -Pbench -Dtest=StoryMemoryBench}.
 */
@Tag("bench")
class StoryMemoryBench {

  private static final int ITEMS = Integer.getInteger("story.memoryItems", 50_000);

  @Test
  void retainedHeapPerItem() {
    var news = new SyntheticNews(42, 20_000, Instant.parse("2025-01-01T00:00:00Z"), 20);
    // items are generated up front, one at a time, and dropped after indexing: only the engine is retained
    var engine = new ClusteringStoryEngine(DefaultSettings.story());
    engine.indexed(news.item(1), 1);
    long base = usedAfterGc();
    for (long id = 2; id <= ITEMS + 1; id++) {
      engine.indexed(news.item(id), id);
    }
    long used = usedAfterGc();
    System.out.printf(Locale.ROOT, "memory: %,d items indexed, %,d bytes retained, %.0f bytes/item%n",
        engine.size(), used - base, (used - base) / (double) ITEMS);
    if (Boolean.getBoolean("story.memoryHistogram")) {
      System.out.println(histogram());
    }
  }

  // the heap's classes by bytes (the JVM's own class histogram), for where the bytes per item go
  private static String histogram() {
    try {
      var server = ManagementFactory.getPlatformMBeanServer();
      var name = new javax.management.ObjectName("com.sun.management:type=DiagnosticCommand");
      String all = (String) server.invoke(name, "gcClassHistogram", new Object[] {new String[0]},
          new String[] {String[].class.getName()});
      return all.lines().limit(40).collect(java.util.stream.Collectors.joining("\n"));
    } catch (Exception e) {
      return "no histogram: " + e;
    }
  }

  private static long usedAfterGc() {
    var memory = ManagementFactory.getMemoryMXBean();
    long used = Long.MAX_VALUE;
    // a few rounds: one collection may leave garbage that a finalizer-free heap drops on the next
    for (int i = 0; i < 4; i++) {
      System.gc();
      used = Math.min(used, memory.getHeapMemoryUsage().getUsed());
    }
    return used;
  }
}
