package dev.tributary.story;

/** Every item its own story: the baseline that clustering replaces. */
public final class SingletonStoryEngine implements StoryEngine {
  @Override
  public Assignment assign(StoryCandidate item) {
    return new Assignment.NewStory();
  }

  @Override
  public void indexed(StoryCandidate item, long storyId) {}

  @Override
  public void clear() {}
}
