package dev.tributary.story;

import java.util.List;
import java.util.OptionalLong;

/**
 * Decides which story an item belongs to. Callers serialize calls (one assignment at a time, under
 * the store's assignment lock) and report each decision back with {@link #indexed}, so the engine's
 * in-memory index mirrors the database, which stays the truth.
 */
public interface StoryEngine {

  Assignment assign(StoryCandidate item);

  /**
   * Analyses these items ahead of {@link #assign} and {@link #indexed} (which then reuse the
   * analysis), so a caller can do that part before it takes a lock other processes wait for.
   * Until {@link #indexed} has taken them (or {@link #clear}), vocabulary ids are not recycled.
   */
  default void prepare(List<StoryCandidate> items) {}

  /** The item is stored in {@code storyId}; make it findable for later items. */
  void indexed(StoryCandidate item, long storyId);

  /** Forget everything (before a rebuild from the database). */
  void clear();

  /** The earliest publication time decided out of order since the last {@link #regroup}, if any. */
  default OptionalLong regroupDueFrom() {
    return OptionalLong.empty();
  }

  /**
   * Re-decides the items published from {@code from} (epoch seconds) on as though they had arrived
   * in publication order; the index reflects the outcome on return. Serialized like {@link #assign}.
   */
  default Regrouping regroup(long from, int maxItems) {
    return new Regrouping(0, List.of());
  }

  /** A regrouping's placeholder story now exists as {@code storyId}. */
  default void placed(long placeholder, long storyId) {}
}
