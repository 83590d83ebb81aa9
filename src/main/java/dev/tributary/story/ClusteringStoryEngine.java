package dev.tributary.story;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
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
  private final RecentIndex index;
  private long newest = Long.MIN_VALUE;
  // earliest publication time that arrived out of order since the last regrouping
  private long dirtyFrom = Long.MAX_VALUE;
  // groups of the last regrouping still waiting for a story of their own
  private final Map<Long, List<RecentIndex.Entry>> placeholders = new HashMap<>();
  // assign() is followed by indexed() for the same item: keep its analysis for that call
  private ItemProfile lastProfile;
  // the best story score of the last assignment, for evaluation traces
  private double lastBest;

  public ClusteringStoryEngine() {
    this(StoryConfig.defaults());
  }

  public ClusteringStoryEngine(StoryConfig config) {
    this.config = config;
    this.profiles = new ProfileBuilder(config);
    this.scorer = new PairScorer(config);
    this.decision = new StoryDecision(config);
    this.index = new RecentIndex(new HeadlineMixture(config.mixtureAlpha()));
  }

  @Override
  public synchronized Assignment assign(StoryCandidate item) {
    ItemProfile p = profile(item);
    RecentIndex.Entry sameUrl = index.byUrl(p.url());
    if (sameUrl != null) {
      return new Assignment.Join(sameUrl.storyId(), sameUrl.profile().itemId(), 1.0);
    }
    Assignment decision = decide(p, true);
    noteArrival(p.time());
    return decision;
  }

  /**
   * Where a profile goes among the attached entries of the index. {@code firstLook} when the item
   * is new: only then does it teach the decision how often its source repeats itself.
   */
  private Assignment decide(ItemProfile p, boolean firstLook) {
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
    if (firstLook) {
      decision.observe(p.sourceId(), bestSameSource);
    }
    if (copyOf != null) {
      return new Assignment.Join(copyOf.storyId(), copyOf.profile().itemId(), bestCopy);
    }
    boolean headline = config.headlineMixture() && RecentIndex.brief(p);
    if (headline) {
      Long chosen = headlineStory(p, storyScore.keySet());
      if (chosen != null) {
        lastBest = storyScore.get(chosen);
        return new Assignment.Join(chosen, null, lastBest);
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
      double s = decision.storyScore(
          e.getValue(), sum[0] / sum[1], index.storyHasSource(e.getKey(), p.sourceId()), p.sourceId());
      if (s > best) {
        best = s;
        bestStory = e.getKey();
      }
    }
    lastBest = best;
    if (decision.joins(best)) {
      LOG.debugf("item %s joins story %s (%.3f)", (Object) p.itemId(), (Object) bestStory, (Object) best);
      return new Assignment.Join(bestStory, null, best);
    }
    return new Assignment.NewStory();
  }

  /** The candidate story whose headlines best explain this headline's words, if any beats a new story. */
  private Long headlineStory(ItemProfile p, Set<Long> stories) {
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

  /**
   * Items that arrive no newer than what is already indexed were decided without the later reports
   * they would have been compared with had they come in publication order (feeds are polled
   * outlet by outlet): the span from such an item onwards is due for {@link #regroup}.
   */
  private void noteArrival(long time) {
    // equal times count too: a burst of undated items (all stamped when first seen) has no order
    // among itself, and each was decided without the ones after it
    if (newest != Long.MIN_VALUE && time <= newest) {
      dirtyFrom = Math.min(dirtyFrom, time);
    }
  }

  /** The earliest publication time that arrived out of order since the last regrouping, if any. */
  @Override
  public synchronized java.util.OptionalLong regroupDueFrom() {
    return dirtyFrom == Long.MAX_VALUE ? java.util.OptionalLong.empty() : java.util.OptionalLong.of(dirtyFrom);
  }

  /**
   * Re-decides the stories of the indexed items published from {@code from} on, in publication
   * order, as though they had arrived in that order, then once more with every other item of the
   * span placed; items published earlier keep their stories and may be joined. At most {@code maxItems} items are re-decided: the newest of the span.
   *
   * <p>The index already reflects the outcome when this returns. Each group that needs a story of
   * its own carries a negative placeholder id in the moves; the caller creates the story and calls
   * {@link #placed}. A group takes over the story most of its items came from when no other item
   * still uses it, so that story ids survive a regrouping wherever they can.
   */
  @Override
  public synchronized Regrouping regroup(long from, int maxItems) {
    dirtyFrom = Long.MAX_VALUE;
    placeholders.clear();
    index.forgetNorms();
    List<RecentIndex.Entry> span = index.between(from, Long.MAX_VALUE);
    if (span.size() > maxItems) {
      span = span.subList(span.size() - maxItems, span.size());
    }
    Map<RecentIndex.Entry, Long> before = new java.util.IdentityHashMap<>();
    for (RecentIndex.Entry e : span) {
      before.put(e, e.storyId());
      index.detach(e);
    }
    Map<RecentIndex.Entry, Long> copyOf = new java.util.IdentityHashMap<>();
    Map<Long, List<RecentIndex.Entry>> fresh = new java.util.LinkedHashMap<>();
    long next = -1;
    for (RecentIndex.Entry e : span) {
      Assignment a = decide(e.profile(), false);
      long story;
      if (a instanceof Assignment.Join j) {
        story = j.storyId();
        if (j.duplicateOfItemId() != null) {
          copyOf.put(e, j.duplicateOfItemId());
        }
      } else {
        story = next--;
      }
      index.attach(e, story);
    }
    // One pass decides each item among the items before it only; a second lets it look at the
    // later reports too (one item at a time, all others placed), which moves the early reports that
    // started a story before their better match existed. Dev set: F1 0.901 -> 0.915; a third pass
    // changed nothing there (MStream News gains from a second, see StoryConfig).
    // Later passes look again only at the items of stories the pass before changed: in a steady
    // stream a regrouping mostly confirms what is there, and must not cost a full pass each time.
    Set<Long> touched = null;
    for (int pass = 0; pass < config.refinePasses(); pass++) {
      Set<Long> changed = new HashSet<>();
      for (RecentIndex.Entry e : span) {
        long current = e.storyId();
        if (touched != null && !touched.contains(current)) {
          continue;
        }
        index.detach(e);
        Assignment a = decide(e.profile(), false);
        long story;
        if (a instanceof Assignment.Join j) {
          story = j.storyId();
          copyOf.remove(e);
          if (j.duplicateOfItemId() != null) {
            copyOf.put(e, j.duplicateOfItemId());
          }
        } else {
          story = index.storyInUse(current) ? next-- : current;
        }
        index.attach(e, story);
        if (story != current) {
          changed.add(current);
          changed.add(story);
        }
      }
      if (changed.isEmpty()) {
        break;
      }
      touched = changed;
    }
    if (config.headlineMixture()) {
      // MStream News slices: BCubed F1 0.754 -> 0.776 and 0.740 -> 0.769; a second round changed nothing
      mergeHeadlineFragments(span);
    }
    for (RecentIndex.Entry e : span) {
      if (e.storyId() < 0) {
        fresh.computeIfAbsent(e.storyId(), k -> new ArrayList<>()).add(e);
      }
    }
    reuseStoryIds(fresh, before);
    List<Regrouping.Move> moves = new ArrayList<>();
    for (RecentIndex.Entry e : span) {
      long was = before.get(e);
      if (e.storyId() != was) {
        moves.add(new Regrouping.Move(e.profile().itemId(), was, e.storyId(), copyOf.get(e)));
      }
    }
    for (var g : fresh.entrySet()) {
      if (g.getValue().get(0).storyId() < 0) {
        placeholders.put(g.getKey(), g.getValue());
      }
    }
    return new Regrouping(span.size(), moves);
  }

  /**
   * Headlines can hold each other in a story of their own although each, alone, would join another
   * story: moving one at a time never undoes that. Such a fragment, smallest first, joins the story
   * that most of its headlines, each taken without the fragment, would choose.
   */
  private void mergeHeadlineFragments(List<RecentIndex.Entry> span) {
    Map<Long, List<RecentIndex.Entry>> byStory = new java.util.LinkedHashMap<>();
    for (RecentIndex.Entry e : span) {
      if (RecentIndex.brief(e.profile())) {
        byStory.computeIfAbsent(e.storyId(), k -> new ArrayList<>()).add(e);
      }
    }
    List<List<RecentIndex.Entry>> fragments = new ArrayList<>(byStory.values());
    fragments.sort(java.util.Comparator.comparingInt(List::size));
    HeadlineMixture mixture = index.headlines();
    long window = config.window().toSeconds();
    for (List<RecentIndex.Entry> fragment : fragments) {
      long own = fragment.get(0).storyId();
      // only stories of headlines within the span: a story with full reports is held by them
      if (mixture.docs(own) != fragment.size() || index.fullReports(own) > 0) {
        continue;
      }
      for (RecentIndex.Entry e : fragment) {
        index.detach(e);
      }
      Map<Long, Integer> votes = new HashMap<>();
      for (RecentIndex.Entry e : fragment) {
        ItemProfile p = e.profile();
        Set<Long> stories = new HashSet<>();
        for (RecentIndex.Entry c : index.candidates(p, p.time() - window, p.time() + window, config.queryKeys(),
            config.maxPostings(), config.maxCandidates())) {
          stories.add(c.storyId());
        }
        Long chosen = headlineStory(p, stories);
        if (chosen != null) {
          votes.merge(chosen, 1, Integer::sum);
        }
      }
      long target = own;
      for (var v : votes.entrySet()) {
        if (2 * v.getValue() > fragment.size()) {
          target = v.getKey();
        }
      }
      for (RecentIndex.Entry e : fragment) {
        index.attach(e, target);
      }
    }
  }

  // biggest group first: it keeps the id most of its items had, if no other item still holds it
  private void reuseStoryIds(Map<Long, List<RecentIndex.Entry>> fresh, Map<RecentIndex.Entry, Long> before) {
    List<List<RecentIndex.Entry>> groups = new ArrayList<>(fresh.values());
    groups.sort((a, b) -> Integer.compare(b.size(), a.size()));
    Set<Long> taken = new HashSet<>();
    for (List<RecentIndex.Entry> g : groups) {
      Map<Long, Integer> votes = new java.util.TreeMap<>();
      for (RecentIndex.Entry e : g) {
        votes.merge(before.get(e), 1, Integer::sum);
      }
      long chosen = 0;
      int most = 0;
      for (var v : votes.entrySet()) {
        if (v.getValue() > most && !taken.contains(v.getKey()) && !index.storyInUse(v.getKey())) {
          chosen = v.getKey();
          most = v.getValue();
        }
      }
      if (most > 0) {
        taken.add(chosen);
        for (RecentIndex.Entry e : g) {
          index.attach(e, chosen);
        }
      }
    }
  }

  /** The story the caller created for a regrouping's placeholder id. */
  @Override
  public synchronized void placed(long placeholder, long storyId) {
    List<RecentIndex.Entry> group = placeholders.remove(placeholder);
    if (group != null) {
      for (RecentIndex.Entry e : group) {
        index.attach(e, storyId);
      }
    }
  }

  @Override
  public synchronized void indexed(StoryCandidate item, long storyId) {
    RecentIndex.Entry known = index.byUrl(item.url());
    if (known != null && known.profile().itemId() == item.itemId()) {
      // another replica regrouped it: only its story changed
      index.attach(known, storyId);
      return;
    }
    boolean assigned = lastProfile != null && sameItem(lastProfile, item);
    ItemProfile p = profile(item);
    if (!assigned) {
      // a stored item reloaded (start-up, another replica): it was never compared in this run
      decision.observeStored(p.sourceId(), index.storyHasSource(storyId, p.sourceId()));
    }
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
    dirtyFrom = Long.MAX_VALUE;
    placeholders.clear();
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
    if (lastProfile != null && sameItem(lastProfile, item)) {
      if (lastProfile.itemId() != item.itemId()) {
        lastProfile = lastProfile.withItemId(item.itemId());
      }
      return lastProfile;
    }
    lastProfile = profiles.build(item, time(item), index.vocabulary());
    return lastProfile;
  }

  /**
   * Whether the item is the one {@code p} was built for: the store assigns an item before it has
   * an id (its story must exist first), so the id 0 of the assigned item matches the stored id.
   */
  private static boolean sameItem(ItemProfile p, StoryCandidate item) {
    return java.util.Objects.equals(p.url(), item.url()) && (p.itemId() == item.itemId() || p.itemId() == 0);
  }

  // an item without a date is taken as current: the newest time seen so far
  private long time(StoryCandidate item) {
    if (item.published() != null) {
      return item.published().getEpochSecond();
    }
    return newest == Long.MIN_VALUE ? 0 : newest;
  }
}
