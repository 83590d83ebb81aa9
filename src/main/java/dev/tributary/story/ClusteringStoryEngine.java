package dev.tributary.story;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.jboss.logging.Logger;

/**
 * Online story clustering. Each new item is compared with the recent items that share its rarest
 * cross-script keys within a few days; a near-copy of one of them joins that report's story as a
 * duplicate, otherwise the item joins the story of its most similar report when the similarity
 * clears the threshold, else it starts a new story.
 *
 * <p>Pure Java and Lucene analysis; calls are synchronized, and the caller serializes them anyway.
 * Construct with {@code new ClusteringStoryEngine(StoryConfig.defaults())}.
 */
public final class ClusteringStoryEngine implements StoryEngine {
  /** Items kept indexed; the oldest publication days go first past it. */
  static final int MAX_INDEXED = 150_000;

  private static final Logger LOG = Logger.getLogger(ClusteringStoryEngine.class);

  private final StoryConfig config;
  private final ProfileBuilder profiles;
  private final PairScorer scorer;
  private final StoryDecision decision;
  private final RecentIndex index = new RecentIndex();
  private long newest = Long.MIN_VALUE;
  // assign() is followed by indexed() for the same item: keep its analysis for that call
  private ItemProfile lastProfile;
  // the best story score of the last assignment, for evaluation traces
  private double lastBest;
  // the item assign() last decided: indexed() without it is a stored item reloaded at start-up
  private long lastAssigned = Long.MIN_VALUE;

  public ClusteringStoryEngine() {
    this(StoryConfig.defaults());
  }

  public ClusteringStoryEngine(StoryConfig config) {
    this.config = config;
    this.profiles = new ProfileBuilder(config);
    this.scorer = new PairScorer(config);
    this.decision = new StoryDecision(config);
  }

  @Override
  public synchronized Assignment assign(StoryCandidate item) {
    ItemProfile p = profile(item);
    lastAssigned = item.itemId();
    RecentIndex.Entry sameUrl = index.byUrl(p.url());
    if (sameUrl != null) {
      return new Assignment.Join(sameUrl.storyId(), sameUrl.profile().itemId(), 1.0);
    }
    long window = config.window().toSeconds();
    List<RecentIndex.Entry> candidates =
        index.candidates(
            p, p.time() - window, p.time() + window, config.queryKeys(), config.maxPostings(),
            config.maxCandidates());
    lastBest = -1;
    RecentIndex.Entry copyOf = null;
    double bestCopy = 0;
    Map<Long, Double> storyScore = new HashMap<>();
    Map<Long, double[]> storySum = new HashMap<>();
    double[] norms = PairScorer.norms(p, index);
    double bestSameSource = -1; // none of the item's source among the candidates
    for (RecentIndex.Entry c : candidates) {
      PairFeatures f = scorer.features(p, norms, c.profile(), index.norms(c), index);
      if (f.copy() >= config.duplicateThreshold() && f.copy() > bestCopy) {
        bestCopy = f.copy();
        copyOf = c;
      }
      double sc = scorer.score(f);
      if (f.sameSource()) {
        bestSameSource = Math.max(bestSameSource, sc);
      }
      storyScore.merge(c.storyId(), sc, Math::max);
      double[] sum = storySum.computeIfAbsent(c.storyId(), k -> new double[2]);
      sum[0] += sc;
      sum[1]++;
    }
    decision.observe(p.sourceId(), bestSameSource);
    if (copyOf != null) {
      return new Assignment.Join(copyOf.storyId(), copyOf.profile().itemId(), bestCopy);
    }
    long bestStory = 0;
    double best = -1;
    for (var e : storyScore.entrySet()) {
      double[] sum = storySum.get(e.getKey());
      double s = decision.storyScore(
          e.getValue(), sum[0] / sum[1], index.storyHasSource(e.getKey(), p.sourceId()), p.sourceId());
      if (s > best) {
        best = s;
        bestStory = e.getKey();
      }
    }
    lastBest = best;
    if (decision.joins(best)) {
      LOG.debugf("item %s joins story %s (%.3f)", (Object) item.itemId(), (Object) bestStory, (Object) best);
      return new Assignment.Join(bestStory, null, best);
    }
    return new Assignment.NewStory();
  }

  @Override
  public synchronized void indexed(StoryCandidate item, long storyId) {
    ItemProfile p = profile(item);
    if (lastAssigned != item.itemId()) {
      decision.observeStored(p.sourceId(), index.storyHasSource(storyId, p.sourceId()));
    }
    lastAssigned = Long.MIN_VALUE;
    index.add(p, storyId);
    if (p.time() > newest) {
      newest = p.time();
    }
    // Capacity, not the newest publication time, bounds the index: feeds arrive in any order (a
    // back-filled archive after today's news), and evicting by the newest date would drop the
    // archive's neighbours before it could be compared with them. Lookups read only the days in
    // the window, so a fuller index costs memory, not per-item time.
    while (index.size() > MAX_INDEXED) {
      index.evictOldestDay();
    }
    lastProfile = null;
    // no profile outside the index is left to use, so unused vocabulary ids may be recycled
    index.sweepVocabulary();
  }

  @Override
  public synchronized void clear() {
    index.clear();
    decision.clear();
    newest = Long.MIN_VALUE;
    lastProfile = null;
  }

  /** Number of items currently indexed (those within the horizon). */
  public synchronized int size() {
    return index.size();
  }

  /** Distinct terms the engine currently stores, for tests of the vocabulary sweep. */
  synchronized int vocabularySize() {
    return index.vocabulary().size();
  }

  synchronized double lastBest() {
    return lastBest;
  }

  synchronized PairFeatures compare(StoryCandidate a, StoryCandidate b) {
    return scorer.features(
        profiles.build(a, time(a), index.vocabulary()), profiles.build(b, time(b), index.vocabulary()), index);
  }

  synchronized double score(PairFeatures f) {
    return scorer.score(f);
  }

  private ItemProfile profile(StoryCandidate item) {
    if (lastProfile != null && lastProfile.itemId() == item.itemId()
        && java.util.Objects.equals(lastProfile.url(), item.url())) {
      return lastProfile;
    }
    lastProfile = profiles.build(item, time(item), index.vocabulary());
    return lastProfile;
  }

  // an item without a date is taken as current: the newest time seen so far
  private long time(StoryCandidate item) {
    if (item.published() != null) {
      return item.published().getEpochSecond();
    }
    return newest == Long.MIN_VALUE ? 0 : newest;
  }
}
