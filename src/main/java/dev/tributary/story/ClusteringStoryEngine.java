package dev.tributary.story;

import dev.tributary.story.Speculation.Why;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;

/**
 * Online story clustering: {@link StoryAssigner} decides each new item among the recent items
 * that share its rarest cross-script keys within a few days, and {@link SpanRegrouper} re-decides
 * a span of them when items arrived out of publication order. This class owns the shared index
 * and keeps it in step with the store.
 *
 * <p>A regrouping is computed on a copy of the index ({@link #planRegroup}), so assignment goes on
 * meanwhile; its moves are then applied in a moment ({@link #applyRegroup}), less those that what
 * was assigned in between puts in doubt.
 *
 * <p>Pure Java and Lucene analysis; calls are synchronized, and the caller serializes them anyway,
 * except {@link #prepare}, which analyses on the caller's thread.
 * Construct with {@code new ClusteringStoryEngine(config)}.
 */
public final class ClusteringStoryEngine implements StoryEngine {
  /** Items kept indexed at most, however large the heap; the oldest publication days go first past it. */
  public static final int MAX_INDEXED = 150_000;
  /** Items kept indexed at least, however small the heap: the window of a modest feed list. */
  static final int MIN_INDEXED = 20_000;
  /**
   * Heap one indexed item holds (its profile, postings, shingles, vocabulary share): 1.5 KB measured
   * with 100k reports of 8-word titles and 60-word bodies loaded (used heap after a full collection,
   * less that of an empty service), taken as 2 KB for real reports' longer bodies; 150 bytes less
   * since a profile keeps its MinHash signature in 16-bit slots (see {@link MinHash#compact}), 160
   * less since postings keep 16-bit positions (see {@link SlicePostings}; 162 bytes a farm-like
   * report of 65 keys, 244 a publisher's report of 90).
   */
  static final long BYTES_PER_INDEXED = 1_690;
  /**
   * Share of the old generation the index may take; the rest holds what ingest batches and caches
   * promote, the young generation serves requests. The index lives in the old generation, so it is
   * sized from that generation's bound ({@link HeapShare#oldGeneration()}), not from the heap's: a
   * smaller young generation then leaves the index its room. The image's serial collector with
   * {@code -XX:NewRatio=3} gives three quarters of the heap to the old generation, so this is the
   * 55 % of the heap the index took before; a 10,000-feed first cycle's 50,000 reports take about
   * 1 KB each with compact object headers, the rest of the service about 48 MB.
   */
  static final double OLD_GENERATION_SHARE = 0.55 / 0.75;
  /**
   * Heap one item a regrouping re-decides holds while the regrouping runs (its share of the copy of
   * the index and of the plan): after a 10,000-feed first cycle in the pod's heap, re-deciding
   * 12,000 items held 40-50 MB beyond the live index (dump and collector's log), about 3.7 KB each.
   */
  static final long BYTES_PER_REGROUPED = 3_600;
  /**
   * Share of the heap a regrouping may take beside the index's {@link #OLD_GENERATION_SHARE}: at 12,000 items
   * in the pod's former 184 MB heap the live set reached 145-160 MB after each full collection and the
   * collector ran 200 full collections in the 150 s after the cycle.
   */
  static final double REGROUP_HEAP_SHARE = 0.08;
  static final int MIN_REGROUPED = 1_000;

  private final int maxIndexed;

  private final StoryConfig config;
  private final ProfileBuilder profiles;
  private final AnalysisCodec codec;
  private final PairScorer scorer;
  private final StoryDecision decision;
  private final RecentIndex index;
  private final StoryAssigner assigner;
  // volatile: read without the lock when items are analysed ahead (an undated item's time)
  private volatile long newest = Long.MIN_VALUE;
  // counts clear()s: analyses begun before one hold ids of a vocabulary since cleared
  private volatile long generation;
  // earliest publication time that arrived out of order since the last regrouping
  private long dirtyFrom = Long.MAX_VALUE;
  // assign() is followed by indexed() for the same item: keep its analysis for that call
  private ItemProfile lastProfile;
  // guarded by preparedLock, not the engine's lock: the pollers hand their profiles over while the
  // thread that decides holds the engine's lock for each report (taken three times a report), and
  // waiting on it had 32 pollers queued on the monitor the decisions take (117 waits over 10 ms in a
  // profiled first cycle). Order: the engine's lock, then this one, then the vocabulary's.
  private final Object preparedLock = new Object();
  private final Map<StoryCandidate, ItemProfile> prepared = new HashMap<>();
  // the batch decided ahead of the caller's lock, null when none
  private Ahead ahead;

  // the regrouping being computed on a copy, null when none
  private RegroupPlan outstanding;
  // stories that gained, lost or received items since it was taken: its moves in or out of them wait
  private final Set<Long> touched = new HashSet<>();
  // days evicted since it was taken: its items there are gone
  private long evictedThroughDay = Long.MIN_VALUE;
  // groups of the last applied regrouping still waiting for a story of their own
  private final Map<Long, List<RecentIndex.Entry>> placeholders = new HashMap<>();

  public ClusteringStoryEngine(StoryConfig config) {
    this(config, PairModel.shipped());
  }

  public ClusteringStoryEngine(StoryConfig config, PairModel model) {
    this(config, model, MAX_INDEXED);
  }

  /** {@code maxIndexed}: items kept indexed, see {@link #capacityFor}. */
  public ClusteringStoryEngine(StoryConfig config, PairModel model, int maxIndexed) {
    this(config, model, StoryModel.shipped(), maxIndexed);
  }

  /** With a story model of its own (benches that fit one per fold). */
  ClusteringStoryEngine(StoryConfig config, PairModel model, StoryModel storyModel, int maxIndexed) {
    this.maxIndexed = maxIndexed;
    this.config = config;
    this.profiles = new ProfileBuilder(config);
    this.codec = new AnalysisCodec(config);
    this.scorer = new PairScorer(model);
    this.decision = new StoryDecision(config, storyModel);
    this.index = new RecentIndex(new HeadlineMixture(config.mixtureAlpha()));
    this.assigner = new StoryAssigner(config, scorer, decision, index);
  }

  /**
   * Profiles built ahead of assignment, by candidate with id 0; returns each one's analysis as
   * bytes of {@link #analysisVersion}, for the store. Not under the engine's lock: the
   * pollers' threads analyse their own feeds while the thread holding the caller's cluster-wide
   * lock decides others (the analysis is most of an item's cost, the decision little). The
   * vocabulary is shared and thread-safe; a {@link #clear} meanwhile voids what this call built.
   */
  @Override
  public List<byte[]> prepare(List<StoryCandidate> items) {
    long generation = this.generation;
    Vocabulary vocabulary = index.vocabulary();
    vocabulary.hold();
    try {
      Map<StoryCandidate, ItemProfile> built = new HashMap<>();
      List<byte[]> analyses = new ArrayList<>(items.size());
      for (StoryCandidate item : items) {
        Analysis a = profiles.analyse(item, time(item));
        analyses.add(codec.encode(a));
        built.put(withoutId(item), a.profile(item.itemId(), item.sourceId(), item.url(), vocabulary));
      }
      // clear() moves the generation on before it empties the map, under this lock: profiles of
      // the vocabulary it cleared are either refused here or emptied by it
      synchronized (preparedLock) {
        if (generation == this.generation) {
          prepared.putAll(built);
        }
      }
      return analyses;
    } finally {
      vocabulary.unhold();
    }
  }

  @Override
  public int analysisVersion() {
    return codec.version();
  }

  private static StoryCandidate withoutId(StoryCandidate c) {
    return c.itemId() == 0 ? c : new StoryCandidate(0, c.sourceId(), c.url(), c.title(), c.text(), c.language(),
        c.published(), c.dated());
  }

  @Override
  public synchronized Assignment assign(StoryCandidate item) {
    ItemProfile p = profile(item);
    RecentIndex.Entry sameUrl = index.byUrl(p.url());
    if (sameUrl != null) {
      return new Assignment.Join(sameUrl.storyId(), sameUrl.profile().itemId(), 1.0);
    }
    Assignment decision = assigner.decide(p, true);
    noteArrival(p.time());
    return decision;
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
  public synchronized OptionalLong regroupDueFrom() {
    return dirtyFrom == Long.MAX_VALUE ? OptionalLong.empty() : OptionalLong.of(dirtyFrom);
  }

  /**
   * Takes a regrouping of the indexed items published from {@code from} on (see {@link SpanRegrouper})
   * on a copy of the index, as it stands now: the copy's entries from a window before {@code from}
   * on (all a regrouping of later items looks at) and the statistics that score them. Brief; the
   * plan is computed apart ({@link RegroupPlan#compute}) and applied with {@link #applyRegroup}. A
   * later plan or {@link #clear} supersedes it.
   */
  @Override
  public synchronized RegroupPlan planRegroup(long from, int maxItems) {
    dirtyFrom = Long.MAX_VALUE;
    long lookBack = from < Long.MIN_VALUE + config.window().toSeconds() ? Long.MIN_VALUE : from - config.window().toSeconds();
    Map<RecentIndex.Entry, RecentIndex.Entry> origins = new IdentityHashMap<>();
    RecentIndex copy = index.copy(lookBack, origins);
    StoryAssigner onCopy = new StoryAssigner(config, scorer, decision.copy(), copy);
    outstanding = new RegroupPlan(new SpanRegrouper(config, copy, onCopy), from, maxItems, origins);
    touched.clear();
    evictedThroughDay = Long.MIN_VALUE;
    return outstanding;
  }

  /**
   * Applies the plan's moves to the index, less those that what happened since it was taken puts
   * in doubt (precision first: an item stays where it is rather than join on a stale view): a move
   * of an item that has left the story the plan saw it in or was evicted, and every move out of or
   * into a story that gained or lost items meanwhile (the plan never saw them). What is left out
   * makes the span due again. Returns the moves applied, which the caller stores; each group that
   * needs a story of its own carries a negative placeholder id, see {@link #placed}.
   */
  @Override
  public synchronized Regrouping applyRegroup(RegroupPlan plan) {
    Regrouping computed = plan.compute();
    if (plan != outstanding) {
      // superseded, or the index was rebuilt meanwhile: the plan's view is gone
      return new Regrouping(computed.considered(), List.of());
    }
    outstanding = null;
    placeholders.clear();
    Set<Long> moved = new HashSet<>();
    Set<Long> named = new HashSet<>();
    for (Regrouping.Move m : computed.moves()) {
      moved.add(m.itemId());
      named.add(m.itemId());
      if (m.duplicateOf() != null) {
        named.add(m.duplicateOf());
      }
    }
    Map<Long, RecentIndex.Entry> live = plan.liveEntries(named);
    Map<Long, Long> destination = new HashMap<>();
    long retryFrom = Long.MAX_VALUE;
    for (Regrouping.Move m : computed.moves()) {
      RecentIndex.Entry e = live.get(m.itemId());
      boolean holds = e != null && RecentIndex.day(e.profile().time()) > evictedThroughDay
          && e.storyId() == m.fromStory() && !touched.contains(m.fromStory()) && !touched.contains(m.toStory());
      if (holds) {
        destination.put(m.itemId(), m.toStory());
      } else {
        retryFrom = Math.min(retryFrom, e == null ? plan.from() : e.profile().time());
      }
    }
    List<Regrouping.Move> applied = new ArrayList<>();
    for (Regrouping.Move m : computed.moves()) {
      Long to = destination.get(m.itemId());
      if (to == null) {
        continue;
      }
      RecentIndex.Entry e = live.get(m.itemId());
      index.attach(e, to);
      if (to < 0) {
        placeholders.computeIfAbsent(to, k -> new ArrayList<>()).add(e);
      }
      applied.add(new Regrouping.Move(m.itemId(), m.fromStory(), to, copyMark(m, destination, live)));
    }
    touched.clear();
    if (retryFrom != Long.MAX_VALUE) {
      dirtyFrom = Math.min(dirtyFrom, retryFrom);
    }
    return new Regrouping(computed.considered(), applied);
  }

  @Override
  public synchronized void regroupFailed(RegroupPlan plan) {
    if (plan == outstanding) {
      outstanding = null;
      touched.clear();
      dirtyFrom = Math.min(dirtyFrom, plan.from());
    }
  }

  // a near-copy mark holds only if the original ends up in the same story
  private static Long copyMark(Regrouping.Move m, Map<Long, Long> destination, Map<Long, RecentIndex.Entry> live) {
    Long original = m.duplicateOf();
    if (original == null) {
      return null;
    }
    Long to = destination.get(original);
    if (to == null) {
      RecentIndex.Entry e = live.get(original);
      to = e == null ? null : e.storyId();
    }
    return Objects.equals(to, m.toStory()) ? original : null;
  }

  /** Plans, computes and applies a regrouping at once (nothing can happen in between). */
  @Override
  public synchronized Regrouping regroup(long from, int maxItems) {
    return applyRegroup(planRegroup(from, maxItems));
  }

  /** The story the caller created for a placeholder id of the last applied regrouping. */
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
    if (reattached(item.itemId(), item.url(), storyId)) {
      return;
    }
    boolean assigned = lastProfile != null && sameItem(lastProfile, item);
    add(profile(item), storyId, assigned);
  }

  /** A stored item indexed from its stored analysis; false (nothing done) when the bytes are of another version. */
  @Override
  public synchronized boolean indexedAnalysed(long itemId, String sourceId, String url, byte[] analysis, long storyId) {
    if (reattached(itemId, url, storyId)) {
      return true;
    }
    Optional<Analysis> a = codec.decode(analysis);
    if (a.isEmpty()) {
      return false;
    }
    add(a.get().profile(itemId, sourceId, url, index.vocabulary()), storyId, false);
    return true;
  }

  // another replica regrouped an item this one indexed: only its story changed
  private boolean reattached(long itemId, String url, long storyId) {
    if (ahead != null) {
      ahead.takeBack(); // a stored item goes in before the batch decided ahead
    }
    RecentIndex.Entry known = index.byUrl(url);
    if (known != null && known.profile().itemId() == itemId) {
      if (ahead != null && known.storyId() != storyId) {
        ahead.changes.moved(known.storyId(), storyId);
      }
      if (outstanding != null && known.storyId() != storyId) {
        touched.add(known.storyId());
        touched.add(storyId);
      }
      index.attach(known, storyId);
      return true;
    }
    return false;
  }

  private void add(ItemProfile p, long storyId, boolean assigned) {
    RecentIndex.Added added = addToIndex(p, storyId, assigned);
    if (ahead != null) {
      ahead.changes.added(p, added.entry(), storyId);
    }
  }

  private RecentIndex.Added addToIndex(ItemProfile p, long storyId, boolean assigned) {
    if (outstanding != null) {
      touched.add(storyId);
    }
    if (!assigned) {
      // a stored item reloaded (start-up, another replica): it was never compared in this run
      decision.observeStored(p.sourceId(), index.storyHasSource(storyId, p.sourceId()));
    }
    RecentIndex.Added added = index.addUndoably(p, storyId);
    if (p.time() > newest) {
      newest = p.time();
    }
    lastProfile = null;
    if (ahead == null) {
      evictAndSweep();
    }
    return added;
  }

  // while a batch is decided ahead nothing is evicted (its entries could not be taken back) and no
  // vocabulary id recycled (its profiles wait outside the index while taken back)
  private void evictAndSweep() {
    // Capacity, not the newest publication time, bounds the index: feeds arrive in any order (a
    // back-filled archive after today's news), and evicting by the newest date would drop the
    // archive's neighbours before it could be compared with them. Lookups read only the days in
    // the window, so a fuller index costs memory, not per-item time.
    while (index.size() > maxIndexed) {
      evictedThroughDay = Math.max(evictedThroughDay, index.oldestDay());
      index.evictOldestDay();
    }
    // no profile outside the index is left to use, so unused vocabulary ids may be recycled; under
    // the lock a poller hands profiles over with, and it holds the vocabulary until it has (a sweep
    // does nothing while an analysis holds it)
    synchronized (preparedLock) {
      if (prepared.isEmpty()) {
        index.sweepVocabulary();
      }
    }
  }

  @Override
  public synchronized Speculation speculate() {
    if (ahead != null) {
      throw new IllegalStateException("a batch is already decided ahead");
    }
    ahead = new Ahead();
    return ahead;
  }

  /** One report of a batch decided ahead. */
  private static final class Held implements Speculation.Tentative {
    final StoryCandidate item;
    ItemProfile profile;
    // null until decided by the engine (a report the caller files by its link is only placed)
    DecisionReads reads;
    // pair scores against the report's candidates so far, by their item ids: a decision taken again
    // scores only candidates it has not met (a score drifts with the index's statistics no more
    // than a decision that stands does)
    final Map<Long, StoryAssigner.Scored> scores = new HashMap<>();
    Assignment assignment;
    // current pass: decided, placed
    boolean decided;
    boolean placed;
    long storyId;
    boolean everPlaced;

    Held(StoryCandidate item) {
      this.item = item;
    }

    @Override
    public StoryCandidate item() {
      return item;
    }

    // the scores of the last decision joined to those before
    Map<Long, StoryAssigner.Scored> scores() {
      if (reads != null) {
        for (StoryAssigner.Scored sc : reads.scored) {
          scores.put(sc.entry().profile().itemId(), sc);
        }
      }
      return scores;
    }
  }

  /**
   * The batch decided ahead. Placed reports are indexed like any, and recorded to be taken back
   * newest first when a stored report is indexed before the batch is closed; the source repeat
   * rates learnt from them are rolled back to what they were before the first of them.
   */
  private final class Ahead implements Speculation {
    final IndexChanges changes = new IndexChanges();
    private final List<Held> placedOrder = new ArrayList<>();
    private final List<RecentIndex.Added> addedOrder = new ArrayList<>();
    // the source repeat rates are marked (to roll back to) from a pass's first decision or placement
    private boolean passBegun;
    private boolean takenBack;
    private int redecided;
    private final int[] redecidedBy = new int[Why.values().length];

    @Override
    public Tentative item(StoryCandidate item) {
      synchronized (ClusteringStoryEngine.this) {
        Held h = new Held(item);
        h.profile = profile(item);
        lastProfile = null;
        return h;
      }
    }

    @Override
    public Assignment decide(Tentative t) {
      synchronized (ClusteringStoryEngine.this) {
        Held h = (Held) t;
        check(h);
        beginPass();
        List<DecisionReads.Entering> entering = h.reads == null ? null : h.reads.check(changes, decision);
        if (entering != null && entering.isEmpty()) {
          // the decision stands: what it taught about the source is taught again in its place
          decision.observe(h.profile.sourceId(), h.reads.bestSameSource);
          noteArrival(h.profile.time());
        } else if (entering != null) {
          // only new candidates came: they alone are scored, the others' scores kept
          redecided++;
          redecidedBy[h.reads.why.ordinal()]++;
          PairScorer.Probe probe = PairScorer.probe(h.profile, index);
          List<StoryAssigner.Scored> merged = h.reads.merge(entering, e -> assigner.score(probe, e), changes);
          h.assignment = assigner.choose(h.profile, merged, true, h.reads);
          noteArrival(h.profile.time());
        } else {
          if (h.reads != null) {
            redecided++;
            redecidedBy[h.reads.why.ordinal()]++;
          }
          DecisionReads reads = new DecisionReads();
          reads.mark = changes.mark();
          reads.urlKey = RecentIndex.urlKey(h.profile.url());
          reads.sourceId = h.profile.sourceId();
          h.assignment = assignNoting(h.profile, reads, h.scores());
          h.reads = reads;
        }
        h.decided = true;
        return h.assignment;
      }
    }

    @Override
    public void place(Tentative t, long storyId) {
      synchronized (ClusteringStoryEngine.this) {
        Held h = (Held) t;
        check(h);
        beginPass();
        if (h.everPlaced && h.storyId != storyId) {
          // placed elsewhere than before: decisions after it that read either story are taken again
          changes.moved(h.storyId, storyId);
        }
        if (!h.decided) {
          h.reads = null; // filed by the caller: a later pass decides it afresh if asked
        }
        h.storyId = storyId;
        h.placed = true;
        h.everPlaced = true;
        placedOrder.add(h);
        addedOrder.add(addToIndex(h.profile, storyId, true));
      }
    }

    private void check(Held h) {
      if (ahead != this) {
        throw new IllegalStateException("the batch decided ahead was closed or the index cleared");
      }
      if (h.placed) {
        throw new IllegalStateException("report placed twice in one pass");
      }
    }

    // the first decision or placement of a pass: what the source repeat rates are before it
    private void beginPass() {
      if (!passBegun) {
        decision.mark();
        passBegun = true;
        takenBack = false;
      }
    }

    /** Undoes every placement, newest first. */
    void takeBack() {
      if (placedOrder.isEmpty()) {
        return;
      }
      for (int i = addedOrder.size() - 1; i >= 0; i--) {
        index.takeBack(addedOrder.get(i));
      }
      for (Held h : placedOrder) {
        h.placed = false;
        h.decided = false;
      }
      placedOrder.clear();
      addedOrder.clear();
      decision.rollback();
      passBegun = false;
      takenBack = true;
    }

    @Override
    public boolean takenBack() {
      synchronized (ClusteringStoryEngine.this) {
        return takenBack;
      }
    }

    @Override
    public int redecided() {
      synchronized (ClusteringStoryEngine.this) {
        return redecided;
      }
    }

    @Override
    public int[] redecidedBy() {
      synchronized (ClusteringStoryEngine.this) {
        return redecidedBy.clone();
      }
    }

    @Override
    public void close() {
      synchronized (ClusteringStoryEngine.this) {
        if (ahead == this) {
          ahead = null;
          decision.unmark();
          evictAndSweep();
        }
      }
    }
  }

  /**
   * What a report of a batch decided ahead would be decided now, on the index as it stands, with
   * nothing changed by asking: for tests of which decisions {@link Speculation#decide} keeps.
   */
  synchronized Assignment decideAfresh(Speculation.Tentative t) {
    StoryDecision learnt = decision.copy();
    try {
      return assignNoting(((Held) t).profile, new DecisionReads());
    } finally {
      decision.restore(learnt);
    }
  }

  // as assign(), on a profile, noting what the decision read
  private Assignment assignNoting(ItemProfile p, DecisionReads reads) {
    return assignNoting(p, reads, Map.of());
  }

  // ... taking the pair scores of the candidates in known as they are
  private Assignment assignNoting(ItemProfile p, DecisionReads reads, Map<Long, StoryAssigner.Scored> known) {
    RecentIndex.Entry sameUrl = index.byUrl(p.url());
    if (sameUrl != null) {
      reads.byUrl = true;
      reads.stories.add(sameUrl.storyId());
      return new Assignment.Join(sameUrl.storyId(), sameUrl.profile().itemId(), 1.0);
    }
    Assignment decided = assigner.decide(p, true, reads, known);
    noteArrival(p.time());
    return decided;
  }

  /**
   * Items this JVM keeps indexed: {@link #capacityFor(long)} of its old generation's bound (the
   * pod's serial collector: three quarters of its heap).
   */
  public static int capacity() {
    return capacityFor(HeapShare.oldGeneration());
  }

  /**
   * Items an old generation of {@code oldGenerationBytes} keeps indexed: {@link #OLD_GENERATION_SHARE}
   * of it, between {@link #MIN_INDEXED} and {@link #MAX_INDEXED} (the pod's heap of 28 % of 512Mi
   * with NewRatio=5, a 120 MiB old generation: about 54,600).
   */
  public static int capacityFor(long oldGenerationBytes) {
    return HeapShare.entries(oldGenerationBytes, OLD_GENERATION_SHARE, BYTES_PER_INDEXED, MIN_INDEXED, MAX_INDEXED);
  }

  /**
   * Items one regrouping may re-decide in a heap of {@code maxHeapBytes}: {@link #REGROUP_HEAP_SHARE}
   * of it, at least {@link #MIN_REGROUPED}, at most {@code configured} (the pod's 174 MB heap: about
   * 4,000).
   */
  public static int regroupCapacityFor(long maxHeapBytes, int configured) {
    return HeapShare.entries(maxHeapBytes, REGROUP_HEAP_SHARE, BYTES_PER_REGROUPED,
        Math.min(MIN_REGROUPED, configured), configured);
  }

  @Override
  public synchronized void clear() {
    generation++;
    synchronized (preparedLock) {
      prepared.clear();
    }
    index.clear();
    decision.clear();
    newest = Long.MIN_VALUE;
    dirtyFrom = Long.MAX_VALUE;
    outstanding = null;
    touched.clear();
    placeholders.clear();
    lastProfile = null;
    ahead = null;
  }

  /** Number of items currently indexed (those within the horizon). */
  public synchronized int size() {
    return index.size();
  }

  private ItemProfile profile(StoryCandidate item) {
    ItemProfile ready;
    synchronized (preparedLock) {
      ready = prepared.isEmpty() ? null : prepared.remove(withoutId(item));
    }
    if (ready != null) {
      lastProfile = ready.itemId() == item.itemId() ? ready : ready.withItemId(item.itemId());
      return lastProfile;
    }
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
    return Objects.equals(p.url(), item.url()) && (p.itemId() == item.itemId() || p.itemId() == 0);
  }

  // an item without a date is taken as current: the newest time seen so far
  private long time(StoryCandidate item) {
    if (item.published() != null) {
      return item.published().getEpochSecond();
    }
    return newest == Long.MIN_VALUE ? 0 : newest;
  }
}
