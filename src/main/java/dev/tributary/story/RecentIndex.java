package dev.tributary.story;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.TreeMap;

/**
 * Inverted index over recent items, cut into one slice per day. A lookup reads only the slices in
 * the time window and only the postings of the new item's rarest keys, and whole slices are
 * dropped past the horizon, so the cost of a lookup depends on how many items a few days hold,
 * not on how many were ever stored. Document frequencies cover every indexed item.
 */
final class RecentIndex {

  /**
   * An indexed item and the story it was stored in. Identity equality on purpose: entries are
   * hash keys while scoring, and a profile's value hash would walk all of its terms.
   */
  static final class Entry {
    private final ItemProfile profile;
    private final long storyId;
    // cached vector norms under the IDF of the moment they were computed; refreshed as the index grows
    private double termNorm;
    private double keyNorm;
    private double titleNorm;
    private int normSize = -1;
    // scratch for one lookup at a time (callers are serialized): avoids a map of boxed scores
    private int lookup;
    private double overlap;

    Entry(ItemProfile profile, long storyId) {
      this.profile = profile;
      this.storyId = storyId;
    }

    ItemProfile profile() {
      return profile;
    }

    long storyId() {
      return storyId;
    }
  }

  /**
   * Norms of an entry's vectors, recomputed when the index size has moved enough to shift IDF: a
   * twentieth in a small index, where each item moves document frequencies visibly, a quarter in
   * a large one, where refreshing every touched entry would cost more than the comparison itself.
   */
  double[] norms(Entry e) {
    int tolerance = size < 1_000 ? size / 20 : size / 4;
    if (e.normSize < 0 || Math.abs(e.normSize - size) > tolerance) {
      e.termNorm = PairScorer.norm(e.profile.terms(), this::termIdf);
      e.keyNorm = PairScorer.norm(e.profile.keys(), this::keyIdf);
      e.titleNorm = PairScorer.norm(e.profile.titleKeys(), this::keyIdf);
      e.normSize = size;
    }
    return new double[] {e.termNorm, e.keyNorm, e.titleNorm};
  }

  private static final long DAY = 86_400;

  private static final class Slice {
    final List<Entry> entries = new ArrayList<>();
    final Map<String, List<Entry>> postings = new HashMap<>();
  }

  private final NavigableMap<Long, Slice> slices = new TreeMap<>();
  private final Map<String, Integer> termDf = new HashMap<>();
  private final Map<String, Integer> keyDf = new HashMap<>();
  private final Map<String, Entry> byUrl = new HashMap<>();
  private final Map<Long, Map<String, Integer>> storySources = new HashMap<>();
  private int size;
  private int lookups;

  int size() {
    return size;
  }

  void add(ItemProfile p, long storyId) {
    Entry e = new Entry(p, storyId);
    Slice slice = slices.computeIfAbsent(Math.floorDiv(p.time(), DAY), d -> new Slice());
    slice.entries.add(e);
    for (String k : p.keys().keySet()) {
      slice.postings.computeIfAbsent(k, x -> new ArrayList<>()).add(e);
      keyDf.merge(k, 1, Integer::sum);
    }
    for (String t : p.terms().keySet()) {
      termDf.merge(t, 1, Integer::sum);
    }
    if (p.url() != null && !p.url().isEmpty()) {
      byUrl.put(p.url(), e);
    }
    if (p.sourceId() != null) {
      storySources.computeIfAbsent(storyId, x -> new HashMap<>()).merge(p.sourceId(), 1, Integer::sum);
    }
    size++;
  }

  /** Drops the slice of the oldest publication day. */
  void evictOldestDay() {
    if (!slices.isEmpty()) {
      evictBefore((slices.firstKey() + 1) * DAY);
    }
  }

  /** Drops every slice that ends before {@code time}. */
  void evictBefore(long time) {
    long lastDay = Math.floorDiv(time, DAY) - 1;
    var old = slices.headMap(lastDay, true);
    for (Slice s : old.values()) {
      for (Entry e : s.entries) {
        e.profile().keys().keySet().forEach(k -> decrement(keyDf, k));
        e.profile().terms().keySet().forEach(t -> decrement(termDf, t));
        if (e.profile().url() != null) {
          byUrl.remove(e.profile().url(), e);
        }
        Map<String, Integer> sources = storySources.get(e.storyId());
        if (sources != null && e.profile().sourceId() != null) {
          sources.computeIfPresent(e.profile().sourceId(), (x, n) -> n <= 1 ? null : n - 1);
          if (sources.isEmpty()) {
            storySources.remove(e.storyId());
          }
        }
        size--;
      }
    }
    old.clear();
  }

  private static void decrement(Map<String, Integer> df, String k) {
    df.computeIfPresent(k, (x, n) -> n <= 1 ? null : n - 1);
  }

  void clear() {
    slices.clear();
    termDf.clear();
    keyDf.clear();
    byUrl.clear();
    storySources.clear();
    size = 0;
  }

  /** Whether an indexed item of {@code storyId} came from {@code sourceId}. */
  boolean storyHasSource(long storyId, String sourceId) {
    Map<String, Integer> sources = storySources.get(storyId);
    return sourceId != null && sources != null && sources.containsKey(sourceId);
  }

  Entry byUrl(String url) {
    return url == null ? null : byUrl.get(url);
  }

  double keyIdf(String key) {
    return idf(keyDf.getOrDefault(key, 0));
  }

  double termIdf(String term) {
    return idf(termDf.getOrDefault(term, 0));
  }

  private double idf(int df) {
    return Math.log((size + 1.0) / (df + 0.5)) + 1.0;
  }

  /**
   * Items within [from, to] sharing the new item's rarest keys, best first by summed IDF of the
   * shared keys.
   */
  List<Entry> candidates(ItemProfile q, long from, long to, int queryKeys, int maxPostings, int limit) {
    List<Map.Entry<String, Double>> ranked = new ArrayList<>();
    for (var k : q.keys().entrySet()) {
      int df = keyDf.getOrDefault(k.getKey(), 0);
      if (df == 0) {
        // in no indexed item: it cannot find anything, and would crowd out keys that can
        continue;
      }
      ranked.add(Map.entry(k.getKey(), keyIdf(k.getKey()) * k.getValue()));
    }
    ranked.sort((a, b) -> Double.compare(b.getValue(), a.getValue()));
    if (ranked.size() > queryKeys) {
      ranked = ranked.subList(0, queryKeys);
    }
    int lookup = ++lookups;
    List<Entry> touched = new ArrayList<>();
    var window = slices.subMap(Math.floorDiv(from, DAY), true, Math.floorDiv(to, DAY), true).descendingMap();
    int budget = maxPostings;
    // rarest keys first, newest slices first: when the budget runs out, what is left is the least specific
    keys:
    for (var k : ranked) {
      for (Slice s : window.values()) {
        List<Entry> posting = s.postings.get(k.getKey());
        if (posting == null) {
          continue;
        }
        for (int i = posting.size() - 1; i >= 0; i--) {
          if (--budget < 0) {
            break keys;
          }
          Entry e = posting.get(i);
          long t = e.profile().time();
          if (t >= from && t <= to && e.profile().itemId() != q.itemId()) {
            if (e.lookup != lookup) {
              e.lookup = lookup;
              e.overlap = 0;
              touched.add(e);
            }
            e.overlap += k.getValue();
          }
        }
      }
    }
    // keep the best `limit` in a small heap rather than sorting everything found
    java.util.PriorityQueue<Entry> best =
        new java.util.PriorityQueue<>(limit + 1, (x, y) -> Double.compare(x.overlap, y.overlap));
    for (Entry e : touched) {
      best.add(e);
      if (best.size() > limit) {
        best.poll();
      }
    }
    List<Entry> out = new ArrayList<>(best.size());
    while (!best.isEmpty()) {
      out.add(best.poll());
    }
    java.util.Collections.reverse(out);
    return out;
  }
}
