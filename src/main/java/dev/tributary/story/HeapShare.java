package dev.tributary.story;

/**
 * Bounds of in-memory structures taken from the heap the JVM was given (in a container, its
 * memory limit), so one build fits a 512 MB pod and uses a larger heap where there is one.
 */
final class HeapShare {
  private HeapShare() {}

  /** Entries of {@code bytesPerEntry} that fit {@code share} of a {@code maxHeapBytes} heap, within [min, max]. */
  static int entries(long maxHeapBytes, double share, long bytesPerEntry, int min, int max) {
    long fits = (long) (maxHeapBytes * share) / bytesPerEntry;
    return (int) Math.max(min, Math.min(max, fits));
  }

  /** As {@link #entries(long, double, long, int, int)} for this JVM's maximum heap. */
  static int entries(double share, long bytesPerEntry, int min, int max) {
    return entries(Runtime.getRuntime().maxMemory(), share, bytesPerEntry, min, max);
  }
}
