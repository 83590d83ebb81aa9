package dev.tributary.story;

import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;

/**
 * The engine's term dictionary: each distinct term or key string is stored once and profiles
 * hold its int id, which is what lets a profile be a pair of primitive arrays instead of a map of
 * boxed floats. Ids are counted by the indexed profiles that use them; ids no indexed profile uses
 * are reclaimed by {@link #sweep()}, so the dictionary follows the index rather than growing with
 * every word ever seen. Thread-safe: items are analysed (and their strings given ids) on the
 * pollers' threads while the engine decides others; scoring reads {@link #weights} without a lock.
 */
final class Vocabulary {

  private final Map<String, Integer> ids = new HashMap<>();
  // sources and languages repeat across items: one string each instead of one per profile
  private final Map<String, String> canonical = new HashMap<>();
  private String[] strings = new String[1024];
  private int[] refs = new int[1024];
  private int[] free = new int[64];
  private int freeCount;
  private int next;
  // distinct term weights, by 16-bit code; codes are never reused, since weights repeat. The codes
  // by a weight's float bits, open addressing: a boxed map allocated an Integer per lookup (190 MB in
  // a first cycle) and, as float bits differ in their high bits, chained many keys into one bucket
  private int[] codeKeys = new int[256];
  // code + 1 at a key's slot, 0 where the slot is free
  private int[] codeSlots = new int[256];
  private int codeCount;
  // replaced, never changed in place for codes handed out: scorers read it without the lock
  private volatile float[] weights = new float[64];
  // analyses in progress hold ids no indexed profile counts yet: no sweep meanwhile
  private int holds;

  /** The id of {@code s}, assigned on first sight. */
  synchronized int id(String s) {
    Integer id = ids.get(s);
    if (id != null) {
      return id;
    }
    int n = freeCount > 0 ? free[--freeCount] : next++;
    if (n >= strings.length) {
      strings = Arrays.copyOf(strings, strings.length * 2);
      refs = Arrays.copyOf(refs, strings.length);
    }
    strings[n] = s;
    ids.put(s, n);
    return n;
  }

  /** The code of a weight, or -1 when all 16-bit codes are taken. */
  synchronized int weightCode(float weight) {
    int bits = Float.floatToRawIntBits(weight);
    int slot = codeSlot(codeKeys, codeSlots, bits);
    if (codeSlots[slot] != 0) {
      return codeSlots[slot] - 1;
    }
    int n = codeCount;
    if (n > Character.MAX_VALUE) {
      return -1;
    }
    float[] w = weights;
    if (n == w.length) {
      w = Arrays.copyOf(w, n * 2);
    }
    w[n] = weight;
    weights = w; // published whole, with the new code in it
    codeKeys[slot] = bits;
    codeSlots[slot] = n + 1;
    if (++codeCount * 2 > codeKeys.length) {
      growCodes();
    }
    return n;
  }

  // the slot of a weight's bits: where they are, else the free slot they would take
  private static int codeSlot(int[] keys, int[] slots, int bits) {
    int mask = keys.length - 1;
    int h = bits * 0x9E3779B9;
    int i = (h ^ h >>> 16) & mask;
    while (slots[i] != 0 && keys[i] != bits) {
      i = (i + 1) & mask;
    }
    return i;
  }

  private void growCodes() {
    int[] keys = new int[codeKeys.length * 2];
    int[] slots = new int[keys.length];
    for (int i = 0; i < codeKeys.length; i++) {
      if (codeSlots[i] != 0) {
        int at = codeSlot(keys, slots, codeKeys[i]);
        keys[at] = codeKeys[i];
        slots[at] = codeSlots[i];
      }
    }
    codeKeys = keys;
    codeSlots = slots;
  }

  /** Weights by code; the array is replaced as it grows, so read it for each comparison. */
  float[] weights() {
    return weights;
  }

  /**
   * A copy holding only the weights known now, for scoring profiles that exist now while this
   * vocabulary goes on changing (codes are never reused, so the copy stays right for them).
   */
  synchronized Vocabulary weightsOnly() {
    Vocabulary c = new Vocabulary();
    c.weights = Arrays.copyOf(weights, weights.length);
    return c;
  }

  synchronized String string(int id) {
    return strings[id];
  }

  /** Ids handed out so far, an upper bound for arrays indexed by id. */
  synchronized int capacity() {
    return next;
  }

  synchronized int size() {
    return ids.size();
  }

  synchronized String canonical(String s) {
    return s == null ? null : canonical.computeIfAbsent(s, x -> x);
  }

  synchronized void retain(int[] used) {
    for (int id : used) {
      refs[id]++;
    }
  }

  synchronized void release(int[] used) {
    for (int id : used) {
      refs[id]--;
    }
  }

  /**
   * Forgets the strings no indexed profile uses and frees their ids for reuse. Only safe while no
   * profile outside the index is still to be used: the engine calls it at the end of indexing when
   * no analysed profile waits, and it does nothing while an analysis {@link #hold}s ids.
   */
  synchronized void sweep() {
    if (holds > 0) {
      return;
    }
    for (int id = 0; id < next; id++) {
      if (refs[id] == 0 && strings[id] != null) {
        ids.remove(strings[id]);
        strings[id] = null;
        if (freeCount == free.length) {
          free = Arrays.copyOf(free, free.length * 2);
        }
        free[freeCount++] = id;
      }
    }
  }

  /** An analysis starts: ids it is given must survive until its profile is indexed or dropped. */
  synchronized void hold() {
    holds++;
  }

  synchronized void unhold() {
    holds--;
  }

  synchronized void clear() {
    ids.clear();
    canonical.clear();
    Arrays.fill(strings, null);
    Arrays.fill(refs, 0);
    freeCount = 0;
    next = 0;
  }
}
