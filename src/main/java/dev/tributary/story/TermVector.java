package dev.tributary.story;

import java.util.Arrays;
import java.util.Map;
import java.util.Set;

/**
 * A sparse weight vector as parallel primitive arrays sorted by term id: a tenth of the heap of a
 * map of boxed floats, and two vectors compare by a merge of their id arrays.
 */
record TermVector(int[] ids, float[] weights) {

  static final TermVector EMPTY = new TermVector(new int[0], new float[0]);

  int size() {
    return ids.length;
  }

  boolean isEmpty() {
    return ids.length == 0;
  }

  static TermVector of(Map<String, Float> weights, Vocabulary vocabulary) {
    if (weights.isEmpty()) {
      return EMPTY;
    }
    // id in the high half, float bits in the low half: one primitive sort orders both arrays
    long[] packed = new long[weights.size()];
    int i = 0;
    for (var e : weights.entrySet()) {
      packed[i++] = (long) vocabulary.id(e.getKey()) << 32 | (Float.floatToRawIntBits(e.getValue()) & 0xffffffffL);
    }
    Arrays.sort(packed);
    int[] ids = new int[packed.length];
    float[] w = new float[packed.length];
    for (i = 0; i < packed.length; i++) {
      ids[i] = (int) (packed[i] >>> 32);
      w[i] = Float.intBitsToFloat((int) packed[i]);
    }
    return new TermVector(ids, w);
  }

  /** Sorted ids of a set of strings. */
  static int[] ids(Set<String> strings, Vocabulary vocabulary) {
    int[] out = new int[strings.size()];
    int i = 0;
    for (String s : strings) {
      out[i++] = vocabulary.id(s);
    }
    Arrays.sort(out);
    return out;
  }
}
