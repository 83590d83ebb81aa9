package dev.tributary.story;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Compares two candidates the way the engine does, under the document frequencies of the items
 * given to {@link #index}: the production profile builder, index and scorer, wired for tests and
 * benches that look at one pair's features. Profiles are kept per item id.
 */
final class PairProbe {

  private final StoryConfig config;
  private final ProfileBuilder profiles;
  private final PairScorer scorer;
  private final RecentIndex index;
  private final Map<Long, ItemProfile> built = new HashMap<>();

  PairProbe(StoryConfig config) {
    this(config, PairModel.shipped());
  }

  PairProbe(StoryConfig config, PairModel model) {
    this.config = config;
    this.profiles = new ProfileBuilder(config);
    this.scorer = new PairScorer(model);
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

  /** The ids of the indexed items the engine would score against this one (itself left out). */
  List<Long> candidates(StoryCandidate item) {
    ItemProfile p = profile(item);
    long window = config.window().toSeconds();
    List<Long> out = new ArrayList<>();
    for (RecentIndex.Entry e : index.candidates(p, p.time() - window, p.time() + window, config.queryKeys(),
        config.maxPostings(), config.maxCandidates() + 1)) {
      if (e.profile().itemId() != item.itemId()) {
        out.add(e.profile().itemId());
      }
    }
    return out;
  }

  private ItemProfile profile(StoryCandidate item) {
    return built.computeIfAbsent(item.itemId(), id -> {
      long time = item.published() == null ? 0 : item.published().getEpochSecond();
      return profiles.build(item, time, index.vocabulary());
    });
  }
}
