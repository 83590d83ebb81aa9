package dev.tributary.story;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jboss.logging.Logger;

/**
 * Online assignment: where one profile goes among the entries currently attached to the index.
 * A near-copy of a candidate joins that report's story as a duplicate; otherwise the item joins
 * the story of its most similar reports when their score clears the threshold, else it starts a
 * new story. Holds no state of its own besides what {@link StoryDecision} learns per source.
 */
final class StoryAssigner {

  private static final Logger LOG = Logger.getLogger(StoryAssigner.class);

  private final StoryConfig config;
  private final PairScorer scorer;
  private final StoryDecision decision;
  private final RecentIndex index;

  StoryAssigner(StoryConfig config, PairScorer scorer, StoryDecision decision, RecentIndex index) {
    this.config = config;
    this.scorer = scorer;
    this.decision = decision;
    this.index = index;
  }

  /** The candidates the index offers for a profile: rarest keys first, within the time window. */
  List<RecentIndex.Entry> candidates(ItemProfile p) {
    return candidates(p, new DecisionReads());
  }

  private List<RecentIndex.Entry> candidates(ItemProfile p, DecisionReads reads) {
    long window = config.window().toSeconds();
    return index.candidates(
        p, p.time() - window, p.time() + window, config.queryKeys(), config.maxPostings(), config.maxCandidates(), reads);
  }

  /**
   * Where a profile goes. {@code firstLook} when the item is new: only then does it teach the
   * decision how often its source repeats itself.
   */
  Assignment decide(ItemProfile p, boolean firstLook) {
    // notes no one reads: a decision without them would take branches the burst's compiled code never saw
    return decide(p, firstLook, new DecisionReads());
  }

  /** As {@link #decide(ItemProfile, boolean)}, noting in {@code reads} what the decision read. */
  Assignment decide(ItemProfile p, boolean firstLook, DecisionReads reads) {
    return decide(p, firstLook, reads, Map.of());
  }

  /**
   * As {@link #decide(ItemProfile, boolean, DecisionReads)}, taking the pair scores of candidates
   * in {@code known} (by item id, scored against this profile by an earlier decision) as they are.
   */
  Assignment decide(ItemProfile p, boolean firstLook, DecisionReads reads, Map<Long, Scored> known) {
    List<RecentIndex.Entry> candidates = candidates(p, reads);
    PairScorer.Probe probe = null;
    List<Scored> scored = new ArrayList<>(candidates.size());
    for (RecentIndex.Entry c : candidates) {
      Scored before = known.get(c.profile().itemId());
      if (before != null) {
        scored.add(before.entry() == c ? before : new Scored(c, before.copy(), before.score(), before.sameSource()));
        continue;
      }
      if (probe == null) {
        probe = PairScorer.probe(p, index);
      }
      scored.add(score(probe, c));
    }
    reads.scored = scored;
    return choose(p, scored, firstLook, reads);
  }

  /**
   * How near in time (seconds, either way) a story's reports must be to the item to support its
   * joining ({@link StoryDecision#storyScore(double, double, double, double, boolean, String)}): a
   * follow-up days later (a remand after an arrest, another arrest of the same sweep) resembles many
   * of the first event's reports moderately, and joins on its own strength or not at all.
   */
  static final long SUPPORT_SECONDS = 86_400;

  /** A candidate compared with the item: its near-copy estimate, pair score, and whether it is of the item's source. */
  record Scored(RecentIndex.Entry entry, double copy, double score, boolean sameSource) {}

  Scored score(PairScorer.Probe probe, RecentIndex.Entry c) {
    PairFeatures f = scorer.features(probe, c.profile(), index.norms(c), index);
    return new Scored(c, f.copy(), scorer.score(f), f.sameSource());
  }

  /**
   * Where a profile goes among its candidates, scored. They are weighed in item id order, so that the
   * choice depends on which candidates were found, not on the order the lookup read those of equal
   * sums in (a decision taken ahead then knows a new candidate's place but among equals).
   */
  Assignment choose(ItemProfile p, List<Scored> scored, boolean firstLook, DecisionReads reads) {
    RecentIndex.Entry copyOf = null;
    double bestCopy = 0;
    Map<Long, Double> storyScore = new HashMap<>();
    Map<Long, double[]> storySum = new HashMap<>();
    double bestSameSource = -1; // none of the item's source among the candidates
    List<Scored> byId = new ArrayList<>(scored);
    byId.sort(Comparator.comparingLong(f -> f.entry().profile().itemId()));
    for (Scored f : byId) {
      RecentIndex.Entry c = f.entry();
      if (f.copy() >= config.duplicateThreshold() && f.copy() > bestCopy) {
        bestCopy = f.copy();
        copyOf = c;
      }
      double sc = f.score();
      if (f.sameSource()) {
        bestSameSource = Math.max(bestSameSource, sc);
      }
      storyScore.merge(c.storyId(), sc, Math::max);
      // {sum, count, best near, second best near} of the story's pair scores
      double[] sum = storySum.computeIfAbsent(c.storyId(), k -> new double[4]);
      sum[0] += sc;
      sum[1]++;
      // {best, second best} of the story's reports within a day of the item: what supports it
      boolean near = Math.abs(c.profile().time() - p.time()) <= SUPPORT_SECONDS;
      if (!near) {
        continue;
      }
      if (sc > sum[2]) {
        sum[3] = sum[2];
        sum[2] = sc;
      } else if (sc > sum[3]) {
        sum[3] = sc;
      }
    }
    if (firstLook) {
      decision.observe(p.sourceId(), bestSameSource);
    }
    reads.stories.clear();
    reads.stories.addAll(storyScore.keySet());
    reads.bestSameSource = bestSameSource;
    reads.sameSourceShare = Double.NaN;
    if (copyOf != null) {
      return new Assignment.Join(copyOf.storyId(), copyOf.profile().itemId(), bestCopy);
    }
    boolean headline = config.headlineMixture() && RecentIndex.brief(p);
    reads.brief = headline;
    if (headline) {
      Long chosen = headlineStory(p, storyScore.keySet());
      if (chosen != null) {
        return new Assignment.Join(chosen, null, storyScore.get(chosen));
      }
    }
    long bestStory = 0;
    double best = -1;
    for (var e : storyScore.entrySet()) {
      if (headline && index.fullReports(e.getKey()) <= 0) {
        // the mixture has spoken for headline stories; by similarity a headline joins only full reports
        continue;
      }
      double[] sum = storySum.get(e.getKey());
      boolean hasSource = index.storyHasSource(e.getKey(), p.sourceId());
      if (hasSource) {
        reads.sameSourceShare = decision.sameSourceShare(p.sourceId());
      }
      double s = decision.storyScore(e.getValue(), sum[0] / sum[1], sum[2], sum[3], hasSource, p.sourceId());
      if (s > best) {
        best = s;
        bestStory = e.getKey();
      }
    }
    if (decision.joins(best)) {
      LOG.debugf("item %s joins story %s (%.3f)", (Object) p.itemId(), (Object) bestStory, (Object) best);
      return new Assignment.Join(bestStory, null, best);
    }
    return new Assignment.NewStory();
  }

  /** The candidate story whose headlines best explain this headline's words, if any beats a new story. */
  Long headlineStory(ItemProfile p, Set<Long> stories) {
    int[] terms = p.terms().ids();
    HeadlineMixture mixture = index.headlines();
    double best = mixture.logNew(terms);
    Long chosen = null;
    for (long story : stories) {
      double lp = mixture.logJoin(story, terms);
      if (lp > best) {
        best = lp;
        chosen = story;
      }
    }
    return chosen;
  }
}
