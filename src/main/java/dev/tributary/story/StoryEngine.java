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
   * Unlike the other calls it may run on any thread, beside them and beside other prepares. Until
   * {@link #indexed} has taken them (or {@link #clear}), vocabulary ids are not recycled.
   * Returns, in order, each item's analysis as bytes of {@link #analysisVersion} for the store to
   * keep beside the item, or nulls when the engine keeps none.
   */
  default List<byte[]> prepare(List<StoryCandidate> items) {
    return java.util.Collections.nCopies(items.size(), null);
  }

  /**
   * The version of the analyses {@link #prepare} returns: it changes whenever the analysis of a
   * text would, so the store can tell stored analyses this engine can still read. 0: none.
   */
  default int analysisVersion() {
    return 0;
  }

  /**
   * Like {@link #indexed}, for a stored item whose analysis the store kept: decoded rather than
   * analysed again. False, with nothing done, when the bytes are not of this engine's
   * {@link #analysisVersion}; the caller then calls {@link #indexed} with the item's text.
   */
  default boolean indexedAnalysed(long itemId, String sourceId, String url, byte[] analysis, long storyId) {
    return false;
  }

  /**
   * Begins a batch of decisions taken ahead of the caller's lock (see {@link Speculation}). This
   * default decides with {@link #assign} and indexes at once, which is right only for engines whose
   * decisions read nothing the reports stored meanwhile change (every report its own story).
   */
  default Speculation speculate() {
    StoryEngine engine = this;
    return new Speculation() {
      @Override
      public Tentative item(StoryCandidate item) {
        return () -> item;
      }

      @Override
      public Assignment decide(Tentative t) {
        return engine.assign(t.item());
      }

      @Override
      public void place(Tentative t, long storyId) {
        engine.indexed(t.item(), storyId);
      }

      @Override
      public boolean takenBack() {
        return false;
      }

      @Override
      public int redecided() {
        return 0;
      }

      @Override
      public void close() {}
    };
  }

  /** The item is stored in {@code storyId}; make it findable for later items. */
  void indexed(StoryCandidate item, long storyId);

  /** Forget everything (before a rebuild from the database). */
  void clear();

  /** The earliest publication time decided out of order since the last {@link #regroup}, if any. */
  default OptionalLong regroupDueFrom() {
    return OptionalLong.empty();
  }

  /**
   * Takes a regrouping of the items published from {@code from} (epoch seconds) on, to re-decide
   * them as though they had arrived in publication order: brief, serialized like {@link #assign}.
   * The plan is computed with {@link #computeRegroup} while the engine goes on assigning and
   * indexing, then applied with {@link #applyRegroup}.
   */
  default RegroupPlan planRegroup(long from, int maxItems) {
    return RegroupPlan.NONE;
  }

  /**
   * The long part of a regrouping, on the plan's own copy: not serialized with the other calls,
   * which go on meanwhile. Returns the moves as the plan sees them.
   */
  default Regrouping computeRegroup(RegroupPlan plan) {
    return plan.compute();
  }

  /**
   * Applies the moves of a computed plan that still hold against what was assigned since it was
   * taken; the index reflects them on return. Returns the moves applied, for the store.
   */
  default Regrouping applyRegroup(RegroupPlan plan) {
    return plan.compute();
  }

  /** The plan's computation failed: its span is due again, and nothing of it will be applied. */
  default void regroupFailed(RegroupPlan plan) {}

  /** {@link #planRegroup}, {@link #computeRegroup} and {@link #applyRegroup} at once. */
  default Regrouping regroup(long from, int maxItems) {
    return applyRegroup(planRegroup(from, maxItems));
  }

  /** A regrouping's placeholder story now exists as {@code storyId}. */
  default void placed(long placeholder, long storyId) {}
}
