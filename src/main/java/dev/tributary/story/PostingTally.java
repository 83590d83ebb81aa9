package dev.tributary.story;

import java.util.Arrays;

/**
 * Scratch for one candidate lookup: the summed weight of shared keys per (window day, position)
 * read from the postings, kept in primitive arrays indexed by position. Reading a posting then
 * touches only these arrays, in the order the postings list them, and never the indexed entry
 * itself: most entries a lookup reads are far down the ranking, and following each to its
 * object (scattered over the heap) was what a lookup spent its time on. Reused lookup after
 * lookup; a stamp per lookup tells this lookup's tallies from stale ones, so nothing is cleared.
 */
final class PostingTally {
  private int[][] stamps = new int[0][];
  private double[][] sums = new double[0][];
  private long[] touched = new long[256];
  private int count;
  private int stamp;

  /** Starts a lookup over {@code days} window days holding at most {@code sizes[d]} entries each. */
  void start(int[] sizes) {
    if (stamps.length < sizes.length) {
      stamps = Arrays.copyOf(stamps, sizes.length);
      sums = Arrays.copyOf(sums, sizes.length);
    }
    for (int d = 0; d < sizes.length; d++) {
      if (stamps[d] == null || stamps[d].length < sizes[d]) {
        int n = Math.max(sizes[d], stamps[d] == null ? 64 : stamps[d].length + stamps[d].length / 2);
        stamps[d] = new int[n]; // zero stamps never match: the first lookup's stamp is 1
        sums[d] = new double[n];
      }
    }
    count = 0;
    if (++stamp == 0) {
      // after 2^32 lookups the stamps would repeat: start over with clean arrays
      for (int[] s : stamps) {
        if (s != null) {
          Arrays.fill(s, 0);
        }
      }
      stamp = 1;
    }
  }

  /** Adds a shared key's weight to the entry at {@code position} of window day {@code day}. */
  void add(int day, int position, double weight) {
    int[] s = stamps[day];
    if (s[position] != stamp) {
      s[position] = stamp;
      sums[day][position] = 0;
      if (count == touched.length) {
        touched = Arrays.copyOf(touched, count * 2);
      }
      touched[count++] = (long) day << 32 | position;
    }
    sums[day][position] += weight;
  }

  /** Entries tallied in this lookup, in the order they were first read. */
  int count() {
    return count;
  }

  int day(int i) {
    return (int) (touched[i] >>> 32);
  }

  int position(int i) {
    return (int) touched[i];
  }

  double sum(int i) {
    return sums[day(i)][position(i)];
  }
}
