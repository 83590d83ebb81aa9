package dev.tributary.story;

import java.util.Arrays;
import java.util.Map;
import java.util.Set;

/**
 * A sparse weight vector as primitive arrays sorted by term id, so two vectors compare by a merge
 * of their id arrays. Weights are 16-bit codes into the vocabulary's table of distinct weights:
 * sub-linear counts of a few weighted words take few distinct values, so the codes are exact and
 * half the size of floats. Should the table ever fill, the vector keeps its floats instead.
 */
final class TermVector {

  static final TermVector EMPTY = new TermVector(new int[0], new char[0], null);

  private final int[] ids;
  private final char[] codes;
  private final float[] exact;

  private TermVector(int[] ids, char[] codes, float[] exact) {
    this.ids = ids;
    this.codes = codes;
    this.exact = exact;
  }

  int[] ids() {
    return ids;
  }

  int size() {
    return ids.length;
  }

  boolean isEmpty() {
    return ids.length == 0;
  }

  /** The weight at position {@code i}, given the vocabulary's current weight table. */
  float weight(int i, float[] table) {
    return codes != null ? table[codes[i]] : exact[i];
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
    int[] ids = new int[packed.length];
    char[] codes = new char[packed.length];
    boolean coded = true;
    for (i = 0; i < packed.length; i++) {
      ids[i] = (int) (packed[i] >>> 32);
      int code = coded ? vocabulary.weightCode(Float.intBitsToFloat((int) packed[i])) : -1;
      coded = code >= 0;
      codes[i] = (char) code;
    }
    if (coded) {
      return new TermVector(ids, codes, null);
    }
    float[] exact = new float[packed.length];
    for (i = 0; i < packed.length; i++) {
      exact[i] = Float.intBitsToFloat((int) packed[i]);
    }
    return new TermVector(ids, null, exact);
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
