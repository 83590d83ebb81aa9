package dev.tributary.story;

import java.util.Arrays;

/**
 * One day's postings: key id to the positions, in insertion order, of that day's entries holding
 * the key. Open addressing over primitive arrays, because a map of boxed ids to lists would cost
 * more than the postings themselves; each list is an array whose first slot is its length.
 *
 * <p>A list holds its positions in 16 bits (a {@code char[]}) while the day holds fewer than
 * {@link #NARROW_LIMIT} entries, as nearly every day does: half the bytes of an int a posting, and
 * postings are a third of what an indexed report costs. A day that grows past it has all of its
 * lists widened to {@code int[]} at once, so a day's lists are all of one width.
 *
 * <p>A {@link #snapshotOf snapshot} (a regrouping's copy of the index) shares the lists of the
 * postings it was taken of and keeps only each list's length of that moment: the live postings
 * append past it or move a list to a new array, and a list they would write back into (the undo of
 * an add) they first copy, so a snapshot costs a few bytes a key instead of the postings again.
 */
final class SlicePostings {

  /** Positions (and so list lengths) below this fit a list of chars. */
  static final int NARROW_LIMIT = 0xffff;

  private static final int EMPTY = -1;

  private int[] keys = filled(16);
  // the lists while every position fits 16 bits; null once widened
  private char[][] narrow = new char[16][];
  // the lists once a position did not; null before
  private int[][] wide;
  private int size;
  // live postings: per slot, whether its list is shared with a snapshot (null: never snapshotted)
  private boolean[] shared;
  // a snapshot: per slot, the list's length when it was taken (null: live postings)
  private int[] counts;

  void add(int key, int position) {
    writable();
    if (position >= NARROW_LIMIT && wide == null) {
      widen();
    }
    if (2 * (size + 1) > keys.length) {
      grow();
    }
    int slot = slot(key);
    if (wide != null) {
      int[] list = wide[slot];
      if (list == null) {
        keys[slot] = key;
        list = new int[2];
        size++;
      } else if (list[0] + 1 == list.length) {
        list = Arrays.copyOf(list, list.length + Math.max(2, list.length / 2));
        unshare(slot);
      }
      list[++list[0]] = position;
      wide[slot] = list;
      return;
    }
    char[] list = narrow[slot];
    if (list == null) {
      keys[slot] = key;
      list = new char[2];
      size++;
    } else if (list[0] + 1 == list.length) {
      list = Arrays.copyOf(list, list.length + Math.max(2, list.length / 2));
      unshare(slot);
    }
    list[++list[0]] = (char) position;
    narrow[slot] = list;
  }

  /** Undoes the last {@link #add} of {@code key}, which put it at {@code position}. */
  void removeLast(int key, int position) {
    writable();
    int slot = slot(key);
    int count = count(slot);
    if (count == 0 || position(slot, count) != position) {
      throw new IllegalStateException("not the last posting of key " + key);
    }
    boolean copy = shared != null && shared[slot];
    if (copy) {
      // the next add would overwrite a position a snapshot still reads
      shared[slot] = false;
    }
    if (wide != null) {
      int[] list = copy ? wide[slot].clone() : wide[slot];
      wide[slot] = list;
      list[0]--;
    } else {
      char[] list = copy ? narrow[slot].clone() : narrow[slot];
      narrow[slot] = list;
      list[0]--;
    }
  }

  /**
   * A read-only copy of {@code live} as it is now, which goes on growing apart: the lists are
   * shared, their lengths of this moment kept apart.
   */
  static SlicePostings snapshotOf(SlicePostings live) {
    live.writable();
    SlicePostings s = new SlicePostings();
    s.keys = live.keys.clone();
    s.narrow = live.narrow == null ? null : live.narrow.clone();
    s.wide = live.wide == null ? null : live.wide.clone();
    s.size = live.size;
    s.counts = new int[s.keys.length];
    for (int i = 0; i < s.counts.length; i++) {
      s.counts[i] = live.count(i);
    }
    if (live.shared == null || live.shared.length != live.keys.length) {
      live.shared = new boolean[live.keys.length];
    }
    Arrays.fill(live.shared, true);
    return s;
  }

  /** The slot of {@code key}, for {@link #position} and {@link #count}. */
  int find(int key) {
    return slot(key);
  }

  /** The {@code i}-th position (1..{@link #count}) in {@code slot}'s list, in insertion order. */
  int position(int slot, int i) {
    return wide == null ? narrow[slot][i] : wide[slot][i];
  }

  /**
   * {@code slot}'s list while the day's positions are 16-bit, null once they are ints (or when the
   * slot is empty): positions 1..{@link #count}, in insertion order.
   */
  char[] narrowList(int slot) {
    return narrow == null ? null : narrow[slot];
  }

  /** {@code slot}'s list once the day's positions are ints, else null; as {@link #narrowList}. */
  int[] wideList(int slot) {
    return wide == null ? null : wide[slot];
  }

  /** How many positions {@code slot}'s list holds. */
  int count(int slot) {
    if (counts != null) {
      return counts[slot];
    }
    if (wide == null) {
      char[] list = narrow[slot];
      return list == null ? 0 : list[0];
    }
    int[] list = wide[slot];
    return list == null ? 0 : list[0];
  }

  /** Whether the lists hold ints: some position reached {@link #NARROW_LIMIT}. */
  boolean isWide() {
    return wide != null;
  }

  /** Cuts each list to its length, once the day is unlikely to grow: growth leaves a third spare. */
  void trim() {
    writable();
    for (int i = 0; i < keys.length; i++) {
      if (wide != null) {
        int[] list = wide[i];
        if (list != null && list[0] + 1 < list.length) {
          wide[i] = Arrays.copyOf(list, list[0] + 1);
          unshare(i);
        }
      } else {
        char[] list = narrow[i];
        if (list != null && list[0] + 1 < list.length) {
          narrow[i] = Arrays.copyOf(list, list[0] + 1);
          unshare(i);
        }
      }
    }
  }

  // every list to ints, with a third spare as growth leaves it; none is shared with a snapshot after
  private void widen() {
    wide = new int[keys.length][];
    for (int i = 0; i < keys.length; i++) {
      char[] list = narrow[i];
      if (list != null) {
        int[] w = new int[list[0] + 1 + Math.max(2, (list[0] + 1) / 2)];
        for (int j = 0; j <= list[0]; j++) {
          w[j] = list[j];
        }
        wide[i] = w;
      }
    }
    narrow = null;
    shared = null;
  }

  private void unshare(int slot) {
    if (shared != null) {
      shared[slot] = false;
    }
  }

  private void writable() {
    if (counts != null) {
      throw new IllegalStateException("a snapshot of postings is read-only");
    }
  }

  private int slot(int key) {
    int mask = keys.length - 1;
    int h = key * 0x9E3779B9;
    int i = (h ^ h >>> 16) & mask;
    while (keys[i] != EMPTY && keys[i] != key) {
      i = (i + 1) & mask;
    }
    return i;
  }

  private void grow() {
    int[] oldKeys = keys;
    char[][] oldNarrow = narrow;
    int[][] oldWide = wide;
    boolean[] oldShared = shared;
    keys = filled(oldKeys.length * 2);
    narrow = oldNarrow == null ? null : new char[keys.length][];
    wide = oldWide == null ? null : new int[keys.length][];
    shared = oldShared == null ? null : new boolean[keys.length];
    for (int i = 0; i < oldKeys.length; i++) {
      if (oldKeys[i] != EMPTY) {
        int slot = slot(oldKeys[i]);
        keys[slot] = oldKeys[i];
        if (narrow != null) {
          narrow[slot] = oldNarrow[i];
        } else {
          wide[slot] = oldWide[i];
        }
        if (shared != null) {
          shared[slot] = oldShared[i];
        }
      }
    }
  }

  private static int[] filled(int n) {
    int[] a = new int[n];
    Arrays.fill(a, EMPTY);
    return a;
  }
}
