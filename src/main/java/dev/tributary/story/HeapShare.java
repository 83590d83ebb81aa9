package dev.tributary.story;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;

/**
 * Bounds of in-memory structures taken from the heap the JVM was given (in a container, its
 * memory limit), so one build fits a 512 MB pod and uses a larger heap where there is one.
 */
final class HeapShare {
  private HeapShare() {}

  /**
   * The old generation's share of the heap taken where the collector has no old generation of a
   * fixed bound (G1, ZGC and Shenandoah size their young generation as they go): the serial
   * collector's with {@code -XX:NewRatio=3}, the image's setting.
   */
  static final double OLD_SHARE_ASSUMED = 0.75;

  /** Entries of {@code bytesPerEntry} that fit {@code share} of a {@code maxHeapBytes} heap, within [min, max]. */
  static int entries(long maxHeapBytes, double share, long bytesPerEntry, int min, int max) {
    long fits = (long) (maxHeapBytes * share) / bytesPerEntry;
    return (int) Math.max(min, Math.min(max, fits));
  }

  /** As {@link #entries(long, double, long, int, int)} for this JVM's maximum heap. */
  static int entries(double share, long bytesPerEntry, int min, int max) {
    return entries(Runtime.getRuntime().maxMemory(), share, bytesPerEntry, min, max);
  }

  /**
   * The most the old generation may hold, where long-lived structures end up: of a collector with
   * an old generation of its own bound below the heap's (serial, parallel), that bound; otherwise
   * {@link #OLD_SHARE_ASSUMED} of {@code maxHeapBytes}.
   */
  static long oldGeneration(long maxHeapBytes, long oldPoolMax) {
    return oldPoolMax > 0 && oldPoolMax < maxHeapBytes ? oldPoolMax : (long) (maxHeapBytes * OLD_SHARE_ASSUMED);
  }

  /** {@link #oldGeneration(long, long)} of this JVM: its heap's maximum and its old pool's. */
  static long oldGeneration() {
    long oldPoolMax = -1;
    for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
      String name = pool.getName();
      if (pool.getType() == MemoryType.HEAP && (name.contains("Old Gen") || name.contains("Tenured"))) {
        oldPoolMax = pool.getUsage().getMax();
      }
    }
    return oldGeneration(Runtime.getRuntime().maxMemory(), oldPoolMax);
  }
}
