package dev.tributary.story;

import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;

/**
 * MinHash over word shingles: the fraction of equal slots estimates the Jaccard similarity of two
 * shingle sets, so near-copies (a wire story on another site, a re-titled update) are found in
 * constant time per pair.
 */
final class MinHash {

  private final int shingle;
  private final long[] mulA;
  private final long[] addB;

  MinHash(int slots, int shingle, long seed) {
    this.shingle = shingle;
    SplittableRandom random = new SplittableRandom(seed);
    mulA = new long[slots];
    addB = new long[slots];
    for (int i = 0; i < slots; i++) {
      mulA[i] = random.nextLong() | 1L;
      addB[i] = random.nextLong();
    }
  }

  /**
   * The high 32 bits of each slot's minimum: half the heap of the full hashes, and two different
   * minima look equal with odds of one in four billion per slot, far below the estimate's own
   * noise. An item without words gets an empty signature, which matches nothing.
   */
  int[] signature(List<String> words) {
    int n = words.size();
    if (n == 0) {
      return new int[0];
    }
    long[] sig = new long[mulA.length];
    Arrays.fill(sig, Long.MAX_VALUE);
    int width = Math.min(shingle, n);
    for (int start = 0; start + width <= n; start++) {
      long h = 1125899906842597L;
      for (int j = start; j < start + width; j++) {
        h = 31 * h + words.get(j).hashCode();
      }
      h = mix(h);
      for (int i = 0; i < sig.length; i++) {
        long v = mix(mulA[i] * h + addB[i]);
        if (v < sig[i]) {
          sig[i] = v;
        }
      }
    }
    int[] out = new int[sig.length];
    for (int i = 0; i < sig.length; i++) {
      out[i] = (int) (sig[i] >>> 32);
    }
    return out;
  }

  /**
   * Each slot's low 16 bits, as an index keeps a signature: 128 bytes a report instead of 256. Not
   * the high ones: a minimum of n hashes lies within 2^64/n of the smallest long, so its top bits
   * take a few hundred values for a report of a hundred words, while the low 16 of the slot's 32
   * are spread evenly. Two different minima then look equal with odds of one in 65,536 a slot, a
   * spurious 1/64 of similarity in about one pair of a thousand, far below the estimate's own
   * noise (a standard error of 1/16 at a similarity of one half).
   */
  static char[] compact(int[] signature) {
    char[] out = new char[signature.length];
    for (int i = 0; i < out.length; i++) {
      out[i] = (char) signature[i];
    }
    return out;
  }

  static double similarity(char[] a, char[] b) {
    if (a.length == 0 || a.length != b.length) {
      return 0;
    }
    int same = 0;
    for (int i = 0; i < a.length; i++) {
      if (a[i] == b[i]) {
        same++;
      }
    }
    return same / (double) a.length;
  }

  private static long mix(long z) {
    z = (z ^ (z >>> 33)) * 0xff51afd7ed558ccdL;
    z = (z ^ (z >>> 33)) * 0xc4ceb9fe1a85ec53L;
    return z ^ (z >>> 33);
  }
}
