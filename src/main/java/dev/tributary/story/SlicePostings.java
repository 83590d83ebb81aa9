package dev.tributary.story;

import java.util.Arrays;

/**
 * One day's postings: key id to the positions, in insertion order, of that day's entries holding
 * the key. Open addressing over primitive arrays, because a map of boxed ids to lists would cost
 * more than the postings themselves; each list is an int[] whose first slot is its length.
 */
final class SlicePostings {

  private static final int EMPTY = -1;
  private static final int[] NONE = {0};

  private int[] keys = filled(16);
  private int[][] lists = new int[16][];
  private int size;

  void add(int key, int position) {
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
    }
    list[++list[0]] = position;
    lists[slot] = list;
  }

  /** Undoes the last {@link #add} of {@code key}, which put it at {@code position}. */
  void removeLast(int key, int position) {
    int[] list = lists[slot(key)];
    if (list == null || list[0] == 0 || list[list[0]] != position) {
      throw new IllegalStateException("not the last posting of key " + key);
    }
    list[0]--;
  }

  /** Makes this (empty) one a copy of {@code other}, which may go on growing apart. */
  void copyFrom(SlicePostings other) {
    keys = other.keys.clone();
    lists = new int[other.lists.length][];
    for (int i = 0; i < lists.length; i++) {
      int[] list = other.lists[i];
      lists[i] = list == null ? null : Arrays.copyOf(list, list[0] + 1);
    }
    size = other.size;
  }

  /** The positions holding {@code key}: element 0 is their count, then positions 1..count. */
  int[] get(int key) {
    int[] list = lists[slot(key)];
    return list == null ? NONE : list;
  }

  /** Cuts each list to its length, once the day is unlikely to grow: growth leaves a third spare. */
  void trim() {
    for (int i = 0; i < lists.length; i++) {
      int[] list = lists[i];
      if (list != null && list[0] + 1 < list.length) {
        lists[i] = Arrays.copyOf(list, list[0] + 1);
      }
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
    keys = filled(oldKeys.length * 2);
    lists = new int[keys.length][];
    for (int i = 0; i < oldKeys.length; i++) {
      if (oldKeys[i] != EMPTY) {
        int slot = slot(oldKeys[i]);
        keys[slot] = oldKeys[i];
        lists[slot] = oldLists[i];
      }
    }
  }

  private static int[] filled(int n) {
    int[] a = new int[n];
    Arrays.fill(a, EMPTY);
    return a;
  }
}
