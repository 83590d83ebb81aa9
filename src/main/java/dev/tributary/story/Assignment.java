package dev.tributary.story;

/** Where a new item goes: into an existing story (perhaps as a near-copy of a report), or a new one. */
public sealed interface Assignment permits Assignment.Join, Assignment.NewStory {

  /** Joins {@code storyId}; {@code duplicateOfItemId} is set when the item is a near-copy of that report. */
  record Join(long storyId, Long duplicateOfItemId, double score) implements Assignment {}

  record NewStory() implements Assignment {}
}
