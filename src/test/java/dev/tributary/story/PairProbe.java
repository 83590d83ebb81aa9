package dev.tributary.story;

/**
 * Compares two candidates the way the engine does, under the document frequencies of the items
 * given to {@link #index}: the production profile builder, index and scorer, wired for tests and
 * benches that look at one pair's features.
 */
final class PairProbe {

  private final ProfileBuilder profiles;
  private final PairScorer scorer;
  private final RecentIndex index;

  PairProbe(StoryConfig config) {
    this.profiles = new ProfileBuilder(config);
    this.scorer = new PairScorer(config);
    this.index = new RecentIndex(new HeadlineMixture(config.mixtureAlpha()));
  }

  /** Counts the item in the document frequencies. */
  void index(StoryCandidate item, long storyId) {
    index.add(profile(item), storyId);
  }

  PairFeatures compare(StoryCandidate a, StoryCandidate b) {
    return scorer.features(profile(a), profile(b), index);
  }

  double score(PairFeatures f) {
    return scorer.score(f);
  }

  int vocabularySize() {
    return index.vocabulary().size();
  }

  private ItemProfile profile(StoryCandidate item) {
    long time = item.published() == null ? 0 : item.published().getEpochSecond();
    return profiles.build(item, time, index.vocabulary());
  }
}
