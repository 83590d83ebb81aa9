package dev.tributary.story;

import java.util.Arrays;

/**
 * A map from primitive longs to objects, by open addressing: a slot is a long and a reference,
 * where a {@code HashMap<Long, V>} holds a node and a boxed key per mapping (about 45 bytes
 * against 20 at this map's load). The index keeps one mapping per report (URL hash to entry,
 * story to sources), so that difference is a megabyte per 40,000 reports. Null values are not
 * kept: {@code put(k, null)} removes the mapping.
 */
final class LongMap<V> {
  private static final int MIN_CAPACITY = 16;

  private long[] keys = new long[MIN_CAPACITY];
  private Object[] values = new Object[MIN_CAPACITY];
  // the key 0 marks an empty slot, so its mapping lives apart
  private Object zeroValue;
  private int size;

  int size() {
    return size + (zeroValue == null ? 0 : 1);
  }

  @SuppressWarnings("unchecked")
  V get(long key) {
    if (key == 0) {
      return (V) zeroValue;
    }
    int i = find(key);
    return i < 0 ? null : (V) values[i];
  }

  boolean containsKey(long key) {
    return get(key) != null;
  }

  /** Maps {@code key} to {@code value} (null: removes it); returns the value it had. */
  @SuppressWarnings("unchecked")
  V put(long key, V value) {
    if (value == null) {
      return remove(key);
    }
    if (key == 0) {
      V old = (V) zeroValue;
      zeroValue = value;
      return old;
    }
    int mask = keys.length - 1;
    int i = slot(key, mask);
    while (keys[i] != 0) {
      if (keys[i] == key) {
        V old = (V) values[i];
        values[i] = value;
        return old;
      }
      i = (i + 1) & mask;
    }
    keys[i] = key;
    values[i] = value;
    size++;
    // at most 5/8 full: linear probing stays short
    if (size * 8 > keys.length * 5) {
      rehash(keys.length * 2);
    }
    return null;
  }

  /** Removes {@code key}'s mapping; returns the value it had. */
  @SuppressWarnings("unchecked")
  V remove(long key) {
    if (key == 0) {
      V old = (V) zeroValue;
      zeroValue = null;
      return old;
    }
    int i = find(key);
    if (i < 0) {
      return null;
    }
    V old = (V) values[i];
    delete(i);
    return old;
  }

  /** Removes {@code key}'s mapping if it is to {@code value} (by identity). */
  boolean remove(long key, V value) {
    if (value == null || get(key) != value) {
      return false;
    }
    remove(key);
    return true;
  }

  void clear() {
    if (keys.length > MIN_CAPACITY) {
      keys = new long[MIN_CAPACITY];
      values = new Object[MIN_CAPACITY];
    } else {
      Arrays.fill(keys, 0);
      Arrays.fill(values, null);
    }
    zeroValue = null;
    size = 0;
  }

  /** Makes this a copy of {@code other}'s mappings (values shared). */
  void copyFrom(LongMap<V> other) {
    keys = other.keys.clone();
    values = other.values.clone();
    zeroValue = other.zeroValue;
    size = other.size;
  }

  private int find(long key) {
    int mask = keys.length - 1;
    int i = slot(key, mask);
    while (keys[i] != 0) {
      if (keys[i] == key) {
        return i;
      }
      i = (i + 1) & mask;
    }
    return -1;
  }

  // empties slot i and moves back the entries after it that probed past it (no tombstones)
  private void delete(int i) {
    int mask = keys.length - 1;
    int gap = i;
    int j = i;
    while (true) {
      j = (j + 1) & mask;
      if (keys[j] == 0) {
        break;
      }
      int home = slot(keys[j], mask);
      // j's entry may fill the gap unless its home lies cyclically in (gap, j]
      boolean stays = gap <= j ? (gap < home && home <= j) : (gap < home || home <= j);
      if (!stays) {
        keys[gap] = keys[j];
        values[gap] = values[j];
        gap = j;
      }
    }
    keys[gap] = 0;
    values[gap] = null;
    size--;
    if (keys.length > MIN_CAPACITY && size * 8 < keys.length) {
      rehash(keys.length / 2);
    }
  }

  private void rehash(int capacity) {
    long[] oldKeys = keys;
    Object[] oldValues = values;
    keys = new long[capacity];
    values = new Object[capacity];
    int mask = capacity - 1;
    for (int k = 0; k < oldKeys.length; k++) {
      if (oldKeys[k] != 0) {
        int i = slot(oldKeys[k], mask);
        while (keys[i] != 0) {
          i = (i + 1) & mask;
        }
        keys[i] = oldKeys[k];
        values[i] = oldValues[k];
      }
    }
  }

  private static int slot(long key, int mask) {
    long h = key * 0x9E3779B97F4A7C15L;
    return (int) (h ^ (h >>> 32)) & mask;
  }
}
