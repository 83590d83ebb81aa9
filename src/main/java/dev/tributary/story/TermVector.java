package dev.tributary.story;

import java.util.Arrays;
import java.util.Map;
import java.util.Set;
import java.util.function.IntToDoubleFunction;

/**
 * A sparse weight vector, stored for a large index. Term ids are sorted and kept as the gaps
 * between them in variable-length bytes: gaps in a vocabulary of some hundred thousand terms
 * mostly fit two bytes, half of an int. Weights are codes into the vocabulary's table of distinct
 * weights: sub-linear counts of a few weighted words take few distinct values, so the codes are
 * exact, one byte while the table is small, two past that; should it ever fill, the vector keeps
 * its floats. Two vectors compare by one merge of their id streams; a vector compared with many
 * others is decoded once ({@link Decoded}).
 */
final class TermVector {

  static final TermVector EMPTY = new TermVector(new byte[0], 0, 0, null);
  private static final int[] NO_IDS = {};

  // the gaps, then (when smallAt >= 0) the one-byte codes: one array where two would each cost a
  // header, and a report's profile holds three vectors
  private final byte[] gaps;
  private final int size;
  // the weights, in id order, are the one-byte codes from gaps[smallAt] on, else wide: two-byte
  // codes (char[]) or, should the table fill, the floats themselves (float[]). One field for the
  // two rare forms: with 8-byte object headers four fields make a 24-byte object, five 32
  private final int smallAt;
  private final Object wide;

  private TermVector(byte[] gaps, int size, int smallAt, Object wide) {
    this.gaps = gaps;
    this.size = size;
    this.smallAt = smallAt;
    this.wide = wide;
  }

  int size() {
    return size;
  }

  boolean isEmpty() {
    return size == 0;
  }

  /** The ids, decoded into a new array. */
  int[] ids() {
    int[] out = new int[size];
    int id = 0;
    int pos = 0;
    for (int i = 0; i < size; i++) {
      long r = readGap(gaps, pos);
      id += (int) (r >>> 32);
      pos = (int) r;
      out[i] = id;
    }
    return out;
  }

  /** The weight at position {@code i}, given the vocabulary's current weight table. */
  float weight(int i, float[] table) {
    if (smallAt >= 0) {
      return table[gaps[smallAt + i] & 0xff];
    }
    return wide instanceof char[] codes ? table[codes[i]] : ((float[]) wide)[i];
  }

  /** Sum over shared ids of both weights times the squared IDF. */
  double dot(TermVector o, float[] table, IntToDoubleFunction idf) {
    if (size == 0 || o.size == 0) {
      return 0;
    }
    double dot = 0;
    long r = readGap(gaps, 0);
    int a = (int) (r >>> 32), pa = (int) r, i = 0;
    r = readGap(o.gaps, 0);
    int b = (int) (r >>> 32), pb = (int) r, j = 0;
    while (true) {
      boolean advanceA = a <= b;
      boolean advanceB = b <= a;
      if (a == b) {
        double f = idf.applyAsDouble(a);
        dot += weight(i, table) * o.weight(j, table) * f * f;
      }
      if (advanceA) {
        if (++i == size) {
          break;
        }
        r = readGap(gaps, pa);
        a += (int) (r >>> 32);
        pa = (int) r;
      }
      if (advanceB) {
        if (++j == o.size) {
          break;
        }
        r = readGap(o.gaps, pb);
        b += (int) (r >>> 32);
        pb = (int) r;
      }
    }
    return dot;
  }

  /** The ids and weights decoded once: a vector compared with many others is then read from arrays. */
  Decoded decoded(float[] table) {
    float[] weights = new float[size];
    for (int i = 0; i < size; i++) {
      weights[i] = weight(i, table);
    }
    return Decoded.of(ids(), weights);
  }

  /**
   * As {@link #decoded(float[])}, with each id's IDF taken once, as {@code idf} gives it now: a
   * decision's dot products with its candidates then read it from an array instead of taking a
   * logarithm per shared id and candidate. Valid while the IDF does not move (one decision).
   */
  Decoded decoded(float[] table, IntToDoubleFunction idf) {
    Decoded d = decoded(table);
    int[] ids = d.ids();
    double[] idfs = new double[ids.length];
    for (int i = 0; i < ids.length; i++) {
      idfs[i] = idf.applyAsDouble(ids[i]);
    }
    return new Decoded(ids, d.weights(), d.filter(), idfs);
  }

  /**
   * A vector's ids and weights, decoded, and a filter of its ids: bit {@code id % 1024} is set for
   * each. A decision compares one item with some twenty candidates; most of a candidate's ids are
   * not the item's, and the filter turns each of those away with one bit test where a merge of the
   * two id streams took a hard-to-predict branch per id of either side.
   */
  record Decoded(int[] ids, float[] weights, long[] filter, double[] idfs) {

    private static final int FILTER_WORDS = 16; // 1,024 bits: some 10 to 20 % of them set by a report's ids

    static Decoded of(int[] ids, float[] weights) {
      long[] filter = new long[FILTER_WORDS];
      for (int id : ids) {
        filter[id >>> 6 & FILTER_WORDS - 1] |= 1L << id;
      }
      return new Decoded(ids, weights, filter, null);
    }

    /**
     * Euclidean norm under the IDF taken when decoding ({@link TermVector#decoded(float[],
     * IntToDoubleFunction)}): the same terms, summed in the same order, as {@link TermVector#norm}.
     */
    double norm() {
      double sum = 0;
      for (int i = 0; i < ids.length; i++) {
        double w = weights[i] * idfs[i];
        sum += w * w;
      }
      return Math.sqrt(sum);
    }

    boolean isEmpty() {
      return ids.length == 0;
    }

    /**
     * As {@link TermVector#dot} of the vector these were decoded from with {@code o}: the same
     * products, of the shared ids in ascending order, summed in that order, so the same double.
     */
    double dot(TermVector o, float[] table, IntToDoubleFunction idf) {
      int n = ids.length;
      if (n == 0 || o.size == 0) {
        return 0;
      }
      int last = ids[n - 1];
      byte[] in = o.gaps;
      double dot = 0;
      int i = 0; // ids[i] is this vector's first id not below the other's ids passed so far
      int b = 0;
      int pos = 0;
      for (int j = 0; j < o.size; j++) {
        int v = in[pos++];
        int gap = v & 0x7f;
        for (int shift = 7; v < 0; shift += 7) {
          v = in[pos++];
          gap |= (v & 0x7f) << shift;
        }
        b += gap;
        if (b > last) {
          break;
        }
        if ((filter[b >>> 6 & FILTER_WORDS - 1] & 1L << b) == 0) {
          continue;
        }
        // b <= last: the walk stops within the array
        while (ids[i] < b) {
          i++;
        }
        if (ids[i] == b) {
          double f = idfs != null ? idfs[i] : idf.applyAsDouble(b);
          dot += weights[i] * o.weight(j, table) * f * f;
        }
      }
      return dot;
    }
  }

  /** Euclidean norm under IDF. */
  double norm(float[] table, IntToDoubleFunction idf) {
    double sum = 0;
    int id = 0;
    int pos = 0;
    for (int i = 0; i < size; i++) {
      long r = readGap(gaps, pos);
      id += (int) (r >>> 32);
      pos = (int) r;
      double w = weight(i, table) * idf.applyAsDouble(id);
      sum += w * w;
    }
    return Math.sqrt(sum);
  }

  static TermVector of(Map<String, Float> weights, Vocabulary vocabulary) {
    if (weights.isEmpty()) {
      return EMPTY;
    }
    // id in the high half, float bits in the low half: one primitive sort orders both
    long[] packed = new long[weights.size()];
    int i = 0;
    for (var e : weights.entrySet()) {
      packed[i++] = (long) vocabulary.id(e.getKey()) << 32 | (Float.floatToRawIntBits(e.getValue()) & 0xffffffffL);
    }
    Arrays.sort(packed);
    int n = packed.length;
    byte[] gaps = new byte[5 * n];
    int pos = 0;
    int previous = 0;
    int[] coded = new int[n];
    int largest = 0;
    for (i = 0; i < n; i++) {
      int id = (int) (packed[i] >>> 32);
      pos = writeGap(gaps, pos, id - previous);
      previous = id;
      coded[i] = largest < 0 ? -1 : vocabulary.weightCode(Float.intBitsToFloat((int) packed[i]));
      largest = coded[i] < 0 ? -1 : Math.max(largest, coded[i]);
    }
    if (largest >= 0 && largest <= 0xff) {
      byte[] withCodes = Arrays.copyOf(gaps, pos + n);
      for (i = 0; i < n; i++) {
        withCodes[pos + i] = (byte) coded[i];
      }
      return new TermVector(withCodes, n, pos, null);
    }
    gaps = Arrays.copyOf(gaps, pos);
    if (largest < 0) {
      float[] exact = new float[n];
      for (i = 0; i < n; i++) {
        exact[i] = Float.intBitsToFloat((int) packed[i]);
      }
      return new TermVector(gaps, n, -1, exact);
    }
    char[] codes = new char[n];
    for (i = 0; i < n; i++) {
      codes[i] = (char) coded[i];
    }
    return new TermVector(gaps, n, -1, codes);
  }

  /** Sorted ids of a set of strings; an empty set's is one shared array (many reports have no headline names). */
  static int[] ids(Set<String> strings, Vocabulary vocabulary) {
    if (strings.isEmpty()) {
      return NO_IDS;
    }
    int[] out = new int[strings.size()];
    int i = 0;
    for (String s : strings) {
      out[i++] = vocabulary.id(s);
    }
    Arrays.sort(out);
    return out;
  }

  private static int writeGap(byte[] out, int pos, int gap) {
    while ((gap & ~0x7f) != 0) {
      out[pos++] = (byte) (gap & 0x7f | 0x80);
      gap >>>= 7;
    }
    out[pos++] = (byte) gap;
    return pos;
  }

  // the gap in the high half, the position after it in the low half
  private static long readGap(byte[] in, int pos) {
    int b = in[pos++];
    if (b >= 0) {
      // one byte, the gap itself: no loop for the common short gaps
      return (long) b << 32 | pos;
    }
    int gap = b & 0x7f;
    for (int shift = 7; b < 0; shift += 7) {
      b = in[pos++];
      gap |= (b & 0x7f) << shift;
    }
    return (long) gap << 32 | pos;
  }
}
