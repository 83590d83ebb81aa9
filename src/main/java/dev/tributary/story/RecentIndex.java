package dev.tributary.story;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.Set;
import java.util.TreeMap;

/**
 * Inverted index over recent items, cut into one slice per day. A lookup reads only the slices in
 * the time window and only the postings of the new item's rarest keys, and whole slices are
 * dropped past the horizon, so the cost of a lookup depends on how many items a few days hold,
 * not on how many were ever stored. Document frequencies cover every indexed item.
 */
final class RecentIndex {

  /**
   * An indexed item and the story it was stored in. Identity equality on purpose: entries are
   * hash keys while scoring, and a profile's value hash would walk all of its terms.
   */
  static final class Entry {
    private final ItemProfile profile;
    private long storyId;
    // set while a regrouping pass has yet to re-decide this item: other items must not join it
    private boolean pending;
    // hash of the URL, 0 without one: the index finds items by URL but never reads it back
    private final long urlKey;
    // the same link's page (before '#') and fragment, each hashed (0: none): reports of one page
    // stay in one story through a regrouping (SharedLinks)
    private final long pageKey;
    private final long fragmentKey;
    // cached vector norms under the IDF of the moment they were computed; refreshed as the index grows
    private double termNorm;
    private double keyNorm;
    private double titleNorm;
    private int normSize = -1;

    Entry(ItemProfile profile, long storyId) {
      this.profile = profile.withoutUrl();
      this.storyId = storyId;
      this.urlKey = urlKey(profile.url());
      String url = profile.url();
      int hash = url == null ? -1 : url.indexOf('#');
      this.pageKey = hash < 0 ? urlKey : urlKey(url.substring(0, hash));
      this.fragmentKey = hash < 0 ? 0 : urlKey(url.substring(hash + 1));
    }

    // a copy for a regrouping's own index: the profile is immutable and shared
    private Entry(Entry other) {
      this.profile = other.profile;
      this.storyId = other.storyId;
      this.pending = other.pending;
      this.urlKey = other.urlKey;
      this.pageKey = other.pageKey;
      this.fragmentKey = other.fragmentKey;
    }

    long pageKey() {
      return pageKey;
    }

    /**
     * Whether two entries carry the same article's link: the same page, and fragments that agree
     * (a page naming several items by fragment holds distinct articles; a link without one matches any).
     */
    boolean sameArticle(Entry other) {
      return pageKey != 0 && pageKey == other.pageKey
          && (fragmentKey == 0 || other.fragmentKey == 0 || fragmentKey == other.fragmentKey);
    }

    ItemProfile profile() {
      return profile;
    }

    long storyId() {
      return storyId;
    }

    boolean pending() {
      return pending;
    }
  }

  /**
   * Norms of an entry's vectors, recomputed when the index size has moved enough to shift IDF: a
   * twentieth in a small index, where each item moves document frequencies visibly, a quarter in
   * a large one, where refreshing every touched entry would cost more than the comparison itself.
   */
  double[] norms(Entry e) {
    int tolerance = size < 1_000 ? size / 20 : size / 4;
    if (e.normSize < 0 || Math.abs(e.normSize - size) > tolerance) {
      float[] table = vocabulary.weights();
      e.termNorm = PairScorer.norm(e.profile.terms(), table, this::termIdf);
      e.keyNorm = PairScorer.norm(e.profile.keys(), table, this::keyIdf);
      e.titleNorm = PairScorer.norm(e.profile.titleKeys(), table, this::keyIdf);
      e.normSize = size;
    }
    return new double[] {e.termNorm, e.keyNorm, e.titleNorm};
  }

  private static final long DAY = 86_400;

  private static final class Slice {
    final ArrayList<Entry> entries = new ArrayList<>();
    SlicePostings postings = new SlicePostings();
  }

  private final NavigableMap<Long, Slice> slices = new TreeMap<>();
  private final Vocabulary vocabulary;
  // document frequencies by vocabulary id
  private int[] termDf = new int[1024];
  private int[] keyDf = new int[1024];
  private final LongMap<Entry> byUrl = new LongMap<>();
  private final StorySources storySources = new StorySources();
  private final HeadlineMixture headlines;
  private int size;
  // scratch for one lookup at a time (callers are serialized)
  private final PostingTally tally = new PostingTally();
  // ring of the last postings a lookup read, (day << 32 | position); scratch like the tally
  private final long[] tail = new long[DecisionReads.TAIL];
  // the sums of the last lookup's candidates, in their order
  private double[] lastSums = new double[0];
  // vocabulary ids some indexed item uses, to tell when a sweep is worth it
  private int liveIds;
  private Slice lastCreated;

  // the tail of postings read is a ring of DecisionReads.TAIL, a power of two
  private static final int TAIL_MASK = DecisionReads.TAIL - 1;

  RecentIndex(HeadlineMixture headlines) {
    this(headlines, new Vocabulary());
  }

  private RecentIndex(HeadlineMixture headlines, Vocabulary vocabulary) {
    this.headlines = headlines;
    this.vocabulary = vocabulary;
  }

  /**
   * A copy to compute a regrouping on while this index goes on taking items: every entry with its
   * story (the shared-link rule looks at all of them), the postings of the days from
   * {@code from} on (the only ones a regrouping of later items looks up), and the
   * statistics as they are now, so that the copy scores exactly as this index would. Profiles are
   * shared; the vocabulary is reduced to its weights, all that scoring reads. For each copied
   * entry published from {@code from} on, {@code origins} receives copy to original.
   * Only for reading and regrouping: nothing is added to or evicted from the copy.
   */
  RecentIndex copy(long from, Map<Entry, Entry> origins) {
    RecentIndex c = new RecentIndex(headlines.copy(), vocabulary.weightsOnly());
    long postingsDay = Math.floorDiv(from, DAY);
    for (var day : slices.entrySet()) {
      Slice source = day.getValue();
      Slice to = new Slice();
      to.entries.ensureCapacity(source.entries.size());
      for (Entry e : source.entries) {
        Entry copy = new Entry(e);
        to.entries.add(copy);
        if (e.profile.time() >= from) {
          origins.put(copy, e);
        }
      }
      if (day.getKey() >= postingsDay) {
        to.postings = SlicePostings.snapshotOf(source.postings);
      }
      c.slices.put(day.getKey(), to);
    }
    c.termDf = Arrays.copyOf(termDf, termDf.length);
    c.keyDf = Arrays.copyOf(keyDf, keyDf.length);
    c.storySources.copyFrom(storySources);
    c.size = size;
    c.liveIds = liveIds;
    return c;
  }

  /** The day (epoch seconds / 86,400) of a publication time, as slices are cut. */
  static long day(long time) {
    return Math.floorDiv(time, DAY);
  }

  /** The oldest publication day indexed, {@link Long#MIN_VALUE} when empty. */
  long oldestDay() {
    return slices.isEmpty() ? Long.MIN_VALUE : slices.firstKey();
  }

  int size() {
    return size;
  }

  Vocabulary vocabulary() {
    return vocabulary;
  }

  /**
   * Drops the vocabulary's strings that no indexed item uses once they are many. Only while no
   * profile outside the index is still to be used, since their ids may be handed out again.
   */
  void sweepVocabulary() {
    if (vocabulary.size() > 2 * liveIds + 4096) {
      vocabulary.sweep();
    }
  }

  void add(ItemProfile p, long storyId) {
    addUndoably(p, storyId);
  }

  /** What {@link #takeBack} needs to undo an {@link #addUndoably}. */
  record Added(Entry entry, Entry displacedByUrl, boolean newSlice, Slice lastCreatedBefore) {}

  /** As {@link #add}; returns what it takes to take the entry back again while it is the newest added. */
  Added addUndoably(ItemProfile p, long storyId) {
    Entry e = new Entry(p, storyId);
    Slice lastBefore = lastCreated;
    Slice slice = slices.get(Math.floorDiv(p.time(), DAY));
    boolean newSlice = slice == null;
    if (slice == null) {
      slice = new Slice();
      slices.put(Math.floorDiv(p.time(), DAY), slice);
      // items mostly arrive day by day: a new day means the previous one is complete, so its spare
      // capacity goes; a late item for it just grows a list again
      if (lastCreated != null) {
        lastCreated.postings.trim();
        lastCreated.entries.trimToSize();
      }
      lastCreated = slice;
    }
    int position = slice.entries.size();
    slice.entries.add(e);
    if (vocabulary.capacity() > termDf.length) {
      int n = Math.max(vocabulary.capacity(), termDf.length * 2);
      termDf = Arrays.copyOf(termDf, n);
      keyDf = Arrays.copyOf(keyDf, n);
    }
    for (int k : p.keys().ids()) {
      slice.postings.add(k, position);
      if (keyDf[k]++ == 0 && termDf[k] == 0) {
        liveIds++;
      }
    }
    for (int t : p.terms().ids()) {
      if (termDf[t]++ == 0 && keyDf[t] == 0) {
        liveIds++;
      }
    }
    p.forEachIdArray(vocabulary::retain);
    Entry displaced = null;
    if (e.urlKey != 0) {
      displaced = byUrl.put(e.urlKey, e);
    }
    if (p.sourceId() != null) {
      storySources.add(storyId, p.sourceId());
    }
    if (brief(p)) {
      headlines.add(storyId, p.terms().ids());
    }
    size++;
    return new Added(e, displaced, newSlice, lastBefore);
  }

  /**
   * Undoes an {@link #addUndoably}, newest first: the entry must be the last of its day's slice
   * and its postings the last of theirs (entries added after it taken back before it). The
   * vocabulary ids it released stay until the next sweep, which the caller holds off while it
   * keeps the profile to add again.
   */
  void takeBack(Added added) {
    Entry e = added.entry();
    long day = Math.floorDiv(e.profile.time(), DAY);
    Slice slice = slices.get(day);
    int position = slice.entries.size() - 1;
    if (position < 0 || slice.entries.get(position) != e) {
      throw new IllegalStateException("only the newest entry of its day can be taken back");
    }
    slice.entries.remove(position);
    ItemProfile p = e.profile;
    for (int k : p.keys().ids()) {
      slice.postings.removeLast(k, position);
      if (--keyDf[k] == 0 && termDf[k] == 0) {
        liveIds--;
      }
    }
    for (int t : p.terms().ids()) {
      if (--termDf[t] == 0 && keyDf[t] == 0) {
        liveIds--;
      }
    }
    p.forEachIdArray(vocabulary::release);
    if (e.urlKey != 0 && byUrl.get(e.urlKey) == e) {
      if (added.displacedByUrl() == null) {
        byUrl.remove(e.urlKey);
      } else {
        byUrl.put(e.urlKey, added.displacedByUrl());
      }
    }
    if (!e.pending) {
      if (p.sourceId() != null) {
        storySources.remove(e.storyId, p.sourceId());
      }
      if (brief(p)) {
        headlines.remove(e.storyId, p.terms().ids());
      }
    }
    size--;
    if (added.newSlice() && slice.entries.isEmpty()) {
      slices.remove(day);
      if (lastCreated == slice) {
        lastCreated = added.lastCreatedBefore();
      }
    }
  }

  /** Takes an entry out of its story until {@link #attach} puts it in one again (for a regrouping pass). */
  void detach(Entry e) {
    if (!e.pending) {
      e.pending = true;
      if (e.profile.sourceId() != null) {
        storySources.remove(e.storyId, e.profile.sourceId());
      }
      if (brief(e.profile)) {
        headlines.remove(e.storyId, e.profile.terms().ids());
      }
    }
  }

  /** Puts an entry in {@code storyId}, whether it was detached or in another story. */
  void attach(Entry e, long storyId) {
    if (!e.pending) {
      detach(e);
    }
    e.pending = false;
    e.storyId = storyId;
    if (e.profile.sourceId() != null) {
      storySources.add(storyId, e.profile.sourceId());
    }
    if (brief(e.profile)) {
      headlines.add(storyId, e.profile.terms().ids());
    }
  }

  /** An item with little more than a headline: its story is decided by the headline mixture. */
  static boolean brief(ItemProfile p) {
    return p.terms().size() < PairScorer.BRIEF_TERMS && !p.terms().isEmpty();
  }

  HeadlineMixture headlines() {
    return headlines;
  }

  /** Indexed reports of the story that are more than a headline. */
  int fullReports(long storyId) {
    return Math.max(0, storySources.count(storyId) - headlines.docs(storyId));
  }

  /** Whether any attached entry is in {@code storyId}. */
  boolean storyInUse(long storyId) {
    return storySources.hasStory(storyId);
  }

  /**
   * Drops every cached norm, so that a pass over many items weighs them all under the same IDF,
   * whatever the index size was when each norm was cached.
   */
  void forgetNorms() {
    for (Slice s : slices.values()) {
      for (Entry e : s.entries) {
        e.normSize = -1;
      }
    }
  }

  /** Entries published within [from, to], oldest first (ties by item id: a replayable order). */
  List<Entry> between(long from, long to) {
    List<Entry> out = new ArrayList<>();
    for (Slice s : slices.subMap(Math.floorDiv(from, DAY), true, Math.floorDiv(to, DAY), true).values()) {
      for (Entry e : s.entries) {
        long t = e.profile.time();
        if (t >= from && t <= to) {
          out.add(e);
        }
      }
    }
    out.sort(Comparator.comparingLong((Entry e) -> e.profile.time()).thenComparingLong(e -> e.profile.itemId()));
    return out;
  }

  /** Every indexed entry whose page is one of {@code pageKeys}, in no particular order. */
  List<Entry> withPages(Set<Long> pageKeys) {
    List<Entry> out = new ArrayList<>();
    if (pageKeys.isEmpty()) {
      return out;
    }
    for (Slice s : slices.values()) {
      for (Entry e : s.entries) {
        if (e.pageKey != 0 && pageKeys.contains(e.pageKey)) {
          out.add(e);
        }
      }
    }
    return out;
  }

  /** Drops the slice of the oldest publication day. */
  void evictOldestDay() {
    if (!slices.isEmpty()) {
      evictBefore((slices.firstKey() + 1) * DAY);
    }
  }

  /** Drops every slice that ends before {@code time}. */
  void evictBefore(long time) {
    long lastDay = Math.floorDiv(time, DAY) - 1;
    var old = slices.headMap(lastDay, true);
    for (Slice s : old.values()) {
      for (Entry e : s.entries) {
        for (int k : e.profile().keys().ids()) {
          if (--keyDf[k] == 0 && termDf[k] == 0) {
            liveIds--;
          }
        }
        for (int t : e.profile().terms().ids()) {
          if (--termDf[t] == 0 && keyDf[t] == 0) {
            liveIds--;
          }
        }
        e.profile().forEachIdArray(vocabulary::release);
        if (e.urlKey != 0) {
          byUrl.remove(e.urlKey, e);
        }
        if (!e.pending) {
          if (e.profile().sourceId() != null) {
            storySources.remove(e.storyId(), e.profile().sourceId());
          }
          if (brief(e.profile())) {
            headlines.remove(e.storyId(), e.profile().terms().ids());
          }
        }
        size--;
      }
    }
    if (old.containsValue(lastCreated)) {
      lastCreated = null;
    }
    old.clear();
  }

  void clear() {
    slices.clear();
    lastCreated = null;
    vocabulary.clear();
    Arrays.fill(termDf, 0);
    Arrays.fill(keyDf, 0);
    liveIds = 0;
    byUrl.clear();
    storySources.clear();
    headlines.clear();
    size = 0;
  }

  /** Whether an indexed item of {@code storyId} came from {@code sourceId}. */
  boolean storyHasSource(long storyId, String sourceId) {
    return sourceId != null && storySources.contains(storyId, sourceId);
  }

  Entry byUrl(String url) {
    long key = urlKey(url);
    return key == 0 ? null : byUrl.get(key);
  }

  /**
   * A 64-bit hash of a URL, 0 for none. Two of the index's URLs share a hash with odds of about
   * one in a billion at full capacity, against a hundred bytes or more saved per item.
   */
  static long urlKey(String url) {
    if (url == null || url.isEmpty()) {
      return 0;
    }
    // FNV-1a over the chars, then a finalizer so that every bit depends on every char
    long h = 0xcbf29ce484222325L;
    for (int i = 0; i < url.length(); i++) {
      h = (h ^ url.charAt(i)) * 0x100000001b3L;
    }
    h = (h ^ (h >>> 33)) * 0xff51afd7ed558ccdL;
    h = (h ^ (h >>> 33)) * 0xc4ceb9fe1a85ec53L;
    h ^= h >>> 33;
    return h == 0 ? 1 : h;
  }

  /** How many indexed items have the key. */
  int keyCount(int key) {
    return key < keyDf.length ? keyDf[key] : 0;
  }

  double keyIdf(int key) {
    return idf(key < keyDf.length ? keyDf[key] : 0);
  }

  double termIdf(int term) {
    return idf(term < termDf.length ? termDf[term] : 0);
  }

  private double idf(int df) {
    return Math.log((size + 1.0) / (df + 0.5)) + 1.0;
  }

  /**
   * Items within [from, to] sharing the new item's rarest keys, best first by summed weight of the
   * shared keys (ties: the first read, i.e. by rarer key, then newer). At most {@code maxPostings}
   * postings are read, rarest keys first and newest days first, whatever they turn out to hold.
   */
  List<Entry> candidates(ItemProfile q, long from, long to, int queryKeys, int maxPostings, int limit) {
    return candidates(q, from, to, queryKeys, maxPostings, limit, new DecisionReads());
  }

  /**
   * As {@link #candidates(ItemProfile, long, long, int, int, int)}, noting in {@code reads} what it read.
   * Always noted, even where no one reads the notes: a lookup without them (the regrouper's, which
   * comes first right after a burst of decisions that all had them) took a branch the compiled code
   * had never seen and had the JIT compile this method again with the heap full.
   */
  List<Entry> candidates(ItemProfile q, long from, long to, int queryKeys, int maxPostings, int limit, DecisionReads reads) {
    int[] ids = q.keys().ids();
    float[] table = vocabulary.weights();
    int[] unindexed = new int[ids.length];
    int unindexedCount = 0;
    // the queryKeys best ranked, best first; of equal ranks the one of lower id first (a stable
    // sort of the keys in id order, cut to its first queryKeys, ranks them the same)
    int keep = Math.max(0, queryKeys);
    int[] rankedIds = new int[Math.min(ids.length, keep)];
    float[] rankedWeights = new float[rankedIds.length];
    double[] ranks = new double[rankedIds.length];
    int rankedCount = 0;
    for (int i = 0; i < ids.length; i++) {
      if (ids[i] >= keyDf.length || keyDf[ids[i]] == 0) {
        // in no indexed item: it cannot find anything, and would crowd out keys that can
        unindexed[unindexedCount++] = ids[i];
        continue;
      }
      float weight = q.keys().weight(i, table);
      double rank = keyIdf(ids[i]) * weight;
      if (rankedCount == keep && (keep == 0 || Double.compare(rank, ranks[keep - 1]) <= 0)) {
        continue; // not above the last kept: a stable sort would leave it after it
      }
      int at = rankedCount < keep ? rankedCount++ : keep - 1;
      while (at > 0 && Double.compare(rank, ranks[at - 1]) > 0) {
        rankedIds[at] = rankedIds[at - 1];
        rankedWeights[at] = rankedWeights[at - 1];
        ranks[at] = ranks[at - 1];
        at--;
      }
      rankedIds[at] = ids[i];
      rankedWeights[at] = weight;
      ranks[at] = rank;
    }
    // the window's days, newest first, looked up once rather than once per key
    Slice[] window = slices.subMap(Math.floorDiv(from, DAY), true, Math.floorDiv(to, DAY), true)
        .descendingMap().values().toArray(new Slice[0]);
    int[] sizes = new int[window.length];
    for (int d = 0; d < window.length; d++) {
      sizes[d] = window[d].entries.size();
    }
    tally.start(sizes);
    int budget = maxPostings;
    long[] tail = this.tail;
    int read = 0;
    int cutRank = rankedCount;
    // rarest keys first, newest slices first: when the budget runs out, what is left is the least specific.
    // Time, pending state and identity are checked once per entry below, not once per posting.
    int readInKey = 0;
    keys:
    for (int r = 0; r < rankedCount; r++) {
      int key = rankedIds[r];
      float weight = rankedWeights[r];
      readInKey = 0;
      for (int d = 0; d < window.length; d++) {
        SlicePostings postings = window[d].postings;
        int slot = postings.find(key);
        int count = postings.count(slot);
        // a day's lists are all 16-bit or all ints: one of the two is null
        char[] narrow = postings.narrowList(slot);
        int[] wide = postings.wideList(slot);
        // as many of this list as the budget leaves, newest first; the budget then runs out in it
        int take = Math.min(count, Math.max(0, budget));
        for (int i = count; i > count - take; i--) {
          int position = narrow != null ? narrow[i] : wide[i];
          tally.add(d, position, weight);
          tail[read & TAIL_MASK] = (long) d << 32 | position;
          read++;
        }
        readInKey += take;
        budget -= take;
        if (take < count) {
          cutRank = r;
          break keys;
        }
      }
    }
    List<Entry> best = best(q, from, to, window, Math.max(0, limit));
    noteReads(reads, rankedIds, rankedWeights, rankedCount, cutRank, Arrays.copyOf(unindexed, unindexedCount), from, to,
        maxPostings, limit, best, window, tail, read);
    reads.cutKey = cutRank < rankedCount ? rankedIds[cutRank] : -1;
    reads.readInCutKey = cutRank < rankedCount ? readInKey : 0;
    return best;
  }

  // the keys ranked from cutRank on were not read in full (the budget ran out in the first of them)
  // rankedIds and rankedWeights: the lookup's keys, best ranked first, rankedCount of them
  private void noteReads(DecisionReads reads, int[] rankedIds, float[] rankedWeights, int rankedCount, int cutRank,
      int[] unindexed, long from, long to, int maxPostings, int limit, List<Entry> best, Slice[] window, long[] tail,
      int read) {
    // a key the budget never reached adds no posting to the lookup, whoever holds it
    int readKeys = Math.min(rankedCount, cutRank + 1);
    reads.keys(Arrays.copyOf(rankedIds, readKeys), Arrays.copyOf(rankedWeights, readKeys));
    reads.unindexedKeys = unindexed; // in id order, as the profile's keys are
    reads.from = from;
    reads.to = to;
    reads.maxPostings = maxPostings;
    reads.postingsRead = read;
    reads.candidates.clear();
    reads.candidates.addAll(best);
    reads.full = best.size() >= Math.max(0, limit);
    reads.sums = lastSums;
    reads.limit = Math.max(0, limit);
    reads.cutoff = best.isEmpty() ? 0 : lastSums[best.size() - 1];
    int kept = Math.min(read, tail.length);
    reads.tail = new Entry[kept];
    for (int i = 0; i < kept; i++) {
      long at = tail[(read - kept + i) % tail.length];
      reads.tail[i] = window[(int) (at >>> 32)].entries.get((int) at);
    }
  }

  /** The {@code limit} best tallied entries that may be candidates, best first. */
  private List<Entry> best(ItemProfile q, long from, long to, Slice[] window, int limit) {
    Entry[] top = new Entry[limit];
    double[] topSum = new double[limit];
    int n = 0;
    for (int i = 0; i < tally.count(); i++) {
      double sum = tally.sum(i);
      if (limit == 0 || (n == limit && sum <= topSum[n - 1])) {
        continue; // cannot enter: the entry itself need not be read
      }
      Entry e = window[tally.day(i)].entries.get(tally.position(i));
      long t = e.profile.time();
      if (t < from || t > to || e.pending || e.profile.itemId() == q.itemId()) {
        continue;
      }
      int at = n < limit ? n++ : n - 1;
      // after any equal sums already there: the one read first stays ahead
      while (at > 0 && topSum[at - 1] < sum) {
        top[at] = top[at - 1];
        topSum[at] = topSum[at - 1];
        at--;
      }
      top[at] = e;
      topSum[at] = sum;
    }
    lastSums = Arrays.copyOf(topSum, n);
    return new ArrayList<>(Arrays.asList(top).subList(0, n));
  }
}
