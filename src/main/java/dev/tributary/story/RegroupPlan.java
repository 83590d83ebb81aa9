package dev.tributary.story;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A regrouping taken from the engine in a moment ({@link StoryEngine#planRegroup}) and computed
 * apart from it: {@link #compute} works on a copy of the engine's index, so the engine goes on
 * assigning and indexing meanwhile, and {@link StoryEngine#applyRegroup} then applies the moves
 * that still hold against what was assigned in between.
 */
public final class RegroupPlan {

  /** A plan that moves nothing, from an engine that does not regroup. */
  public static final RegroupPlan NONE = new RegroupPlan(null, 0, 0, Map.of());

  private final SpanRegrouper regrouper;
  private final long from;
  private final int maxItems;
  // copied entry to the engine's own, for the items a move or a near-copy mark can name
  private final Map<RecentIndex.Entry, RecentIndex.Entry> origins;
  private Regrouping computed;

  RegroupPlan(SpanRegrouper regrouper, long from, int maxItems, Map<RecentIndex.Entry, RecentIndex.Entry> origins) {
    this.regrouper = regrouper;
    this.from = from;
    this.maxItems = maxItems;
    this.origins = origins;
  }

  /**
   * The moves as the copy sees them, computed on the first call: the long part of a regrouping,
   * which holds no lock of the engine's.
   */
  public Regrouping compute() {
    return compute(() -> {});
  }

  /** As {@link #compute()}; {@code afterFirstPass} runs midway (tests hold the computation there). */
  synchronized Regrouping compute(Runnable afterFirstPass) {
    if (computed == null) {
      computed = regrouper == null ? new Regrouping(0, List.of()) : regrouper.regroup(from, maxItems, afterFirstPass);
    }
    return computed;
  }

  long from() {
    return from;
  }

  /** The engine's own entries of these items, where the copy held them. */
  Map<Long, RecentIndex.Entry> liveEntries(Set<Long> itemIds) {
    Map<Long, RecentIndex.Entry> out = new HashMap<>();
    for (var e : origins.entrySet()) {
      long id = e.getKey().profile().itemId();
      if (itemIds.contains(id)) {
        out.put(id, e.getValue());
      }
    }
    return out;
  }
}
