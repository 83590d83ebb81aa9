package dev.tributary.story;

/**
 * Decides which story an item belongs to. Callers serialize calls (one assignment at a time, under
 * the store's assignment lock) and report each decision back with {@link #indexed}, so the engine's
 * in-memory index mirrors the database, which stays the truth.
 */
public interface StoryEngine {

  Assignment assign(StoryCandidate item);

  /** The item is stored in {@code storyId}; make it findable for later items. */
  void indexed(StoryCandidate item, long storyId);

  /** Forget everything (before a rebuild from the database). */
  void clear();
}
