package dev.tributary.story;

import java.util.Arrays;

/**
 * One day's postings: key id to the positions, in insertion order, of that day's entries holding
 * the key. Open addressing over primitive arrays, because a map of boxed ids to lists would cost
 * more than the postings themselves; each list is an int[] whose first slot is its length.
 *
 * <p>A {@link #snapshotOf snapshot} (a regrouping's copy of the index) shares the lists of the
 * postings it was taken of and keeps only each list's length of that moment: the live postings
 * append past it or move a list to a new array, and a list they would write back into (the undo of
 * an add) they first copy, so a snapshot costs a few bytes a key instead of the postings again.
 */
final class SlicePostings {

  private static final int EMPTY = -1;
  private static final int[] NONE = {0};

  private int[] keys = filled(16);
  private int[][] lists = new int[16][];
  private int size;
  // live postings: per slot, whether its list is shared with a snapshot (null: never snapshotted)
  private boolean[] shared;
  // a snapshot: per slot, the list's length when it was taken (null: live postings)
  private int[] counts;

  void add(int key, int position) {
    writable();
    if (2 * (size + 1) > keys.length) {
      grow();
    }
    int slot = slot(key);
    int[] list = lists[slot];
    if (list == null) {
      keys[slot] = key;
      list = new int[2];
      size++;
    } else if (list[0] + 1 == list.length) {
      list = Arrays.copyOf(list, list.length + Math.max(2, list.length / 2));
      unshare(slot);
    }
    list[++list[0]] = position;
    lists[slot] = list;
  }

  /** Undoes the last {@link #add} of {@code key}, which put it at {@code position}. */
  void removeLast(int key, int position) {
    writable();
    int slot = slot(key);
    int[] list = lists[slot];
    if (list == null || list[0] == 0 || list[list[0]] != position) {
      throw new IllegalStateException("not the last posting of key " + key);
    }
    if (shared != null && shared[slot]) {
      // the next add would overwrite a position a snapshot still reads
      list = list.clone();
      lists[slot] = list;
      shared[slot] = false;
    }
    list[0]--;
  }

  /**
   * A read-only copy of {@code live} as it is now, which goes on growing apart: the lists are
   * shared, their lengths of this moment kept apart.
   */
  static SlicePostings snapshotOf(SlicePostings live) {
    live.writable();
    SlicePostings s = new SlicePostings();
    s.keys = live.keys.clone();
    s.lists = live.lists.clone();
    s.size = live.size;
    s.counts = new int[s.lists.length];
    for (int i = 0; i < s.lists.length; i++) {
      int[] list = s.lists[i];
      s.counts[i] = list == null ? 0 : list[0];
    }
    if (live.shared == null || live.shared.length != live.keys.length) {
      live.shared = new boolean[live.keys.length];
    }
    Arrays.fill(live.shared, true);
    return s;
  }

  /** The slot of {@code key}, for {@link #list} and {@link #count}. */
  int find(int key) {
    return slot(key);
  }

  /** The positions in {@code slot}'s list: positions 1..{@link #count}, in insertion order. */
  int[] list(int slot) {
    int[] list = lists[slot];
    return list == null ? NONE : list;
  }

  /** How many positions {@code slot}'s list holds. */
  int count(int slot) {
    if (counts != null) {
      return counts[slot];
    }
    int[] list = lists[slot];
    return list == null ? 0 : list[0];
  }

  /** Cuts each list to its length, once the day is unlikely to grow: growth leaves a third spare. */
  void trim() {
    writable();
    for (int i = 0; i < lists.length; i++) {
      int[] list = lists[i];
      if (list != null && list[0] + 1 < list.length) {
        lists[i] = Arrays.copyOf(list, list[0] + 1);
        unshare(i);
      }
    }
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
    int[][] oldLists = lists;
    boolean[] oldShared = shared;
    keys = filled(oldKeys.length * 2);
    lists = new int[keys.length][];
    shared = oldShared == null ? null : new boolean[keys.length];
    for (int i = 0; i < oldKeys.length; i++) {
      if (oldKeys[i] != EMPTY) {
        int slot = slot(oldKeys[i]);
        keys[slot] = oldKeys[i];
        lists[slot] = oldLists[i];
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
