package dev.tributary.story;

import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A must-link constraint for regrouping: reports that carry one article's link (two sources
 * syndicating one page) are one story, as ingestion filed them, whatever their texts say. The
 * regrouper compares texts only, so without this a shortened wire copy could leave its original.
 */
final class SharedLinks {
  private SharedLinks() {}

  /**
   * Puts the span's reports of one article in one story: the story of the earliest report outside
   * the span when there is one (those keep their stories), else the story most of them are in.
   * Returns how many entries were moved; their near-copy marks are dropped.
   */
  static int keepTogether(RecentIndex index, List<RecentIndex.Entry> span, Map<RecentIndex.Entry, Long> copyOf) {
    Map<Long, List<RecentIndex.Entry>> byPage = new LinkedHashMap<>();
    Set<RecentIndex.Entry> inSpan = Collections.newSetFromMap(new IdentityHashMap<>());
    for (RecentIndex.Entry e : span) {
      inSpan.add(e);
      if (e.pageKey() != 0) {
        byPage.computeIfAbsent(e.pageKey(), k -> new ArrayList<>()).add(e);
      }
    }
    Map<Long, List<RecentIndex.Entry>> outside = new HashMap<>();
    for (RecentIndex.Entry e : index.withPages(byPage.keySet())) {
      if (!inSpan.contains(e)) {
        outside.computeIfAbsent(e.pageKey(), k -> new ArrayList<>()).add(e);
      }
    }
    int moved = 0;
    for (var page : byPage.entrySet()) {
      List<RecentIndex.Entry> fixed = outside.getOrDefault(page.getKey(), List.of());
      if (page.getValue().size() + fixed.size() < 2) {
        continue;
      }
      for (List<RecentIndex.Entry> group : articles(page.getValue(), fixed)) {
        moved += gather(index, group, inSpan, copyOf);
      }
    }
    return moved;
  }

  // span members first, in span order, then the fixed ones; grouped by sameArticle, transitively
  private static List<List<RecentIndex.Entry>> articles(List<RecentIndex.Entry> members, List<RecentIndex.Entry> fixed) {
    List<RecentIndex.Entry> all = new ArrayList<>(members);
    all.addAll(fixed);
    int[] parent = new int[all.size()];
    for (int i = 0; i < parent.length; i++) {
      parent[i] = i;
      for (int j = 0; j < i; j++) {
        if (all.get(i).sameArticle(all.get(j))) {
          parent[root(parent, i)] = root(parent, j);
        }
      }
    }
    Map<Integer, List<RecentIndex.Entry>> groups = new LinkedHashMap<>();
    for (int i = 0; i < all.size(); i++) {
      groups.computeIfAbsent(root(parent, i), k -> new ArrayList<>()).add(all.get(i));
    }
    return groups.values().stream().filter(g -> g.size() > 1).toList();
  }

  private static int root(int[] parent, int i) {
    while (parent[i] != i) {
      parent[i] = parent[parent[i]];
      i = parent[i];
    }
    return i;
  }

  private static int gather(RecentIndex index, List<RecentIndex.Entry> group, Set<RecentIndex.Entry> inSpan,
      Map<RecentIndex.Entry, Long> copyOf) {
    long target = target(group, inSpan);
    int moved = 0;
    for (RecentIndex.Entry e : group) {
      if (inSpan.contains(e) && e.storyId() != target) {
        index.attach(e, target);
        copyOf.remove(e);
        moved++;
      }
    }
    return moved;
  }

  private static long target(List<RecentIndex.Entry> group, Set<RecentIndex.Entry> inSpan) {
    Comparator<RecentIndex.Entry> oldest = Comparator.comparingLong((RecentIndex.Entry e) -> e.profile().time())
        .thenComparingLong(e -> e.profile().itemId());
    var fixed = group.stream().filter(e -> !inSpan.contains(e)).min(oldest);
    if (fixed.isPresent()) {
      return fixed.get().storyId();
    }
    // span members come in span (publication) order: on a tie the earliest report's story wins
    Map<Long, Integer> votes = new LinkedHashMap<>();
    for (RecentIndex.Entry e : group) {
      votes.merge(e.storyId(), 1, Integer::sum);
    }
    long best = group.get(0).storyId();
    for (var v : votes.entrySet()) {
      if (v.getValue() > votes.get(best)) {
        best = v.getKey();
      }
    }
    return best;
  }
}
