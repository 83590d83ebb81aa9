package dev.tributary.story;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Set;
import java.util.function.Function;

/**
 * What one decision read of the index, so that a decision taken ahead of the cluster-wide lock
 * can be checked against the reports indexed after it ({@link #holds}) instead of being taken
 * again: the query keys and their weights, the time window, the candidates the lookup returned
 * and the sum that was needed to be among them, the postings budget, the candidates' stories,
 * the link and the source.
 *
 * <p>What it does not track is the drift of global statistics (inverse document frequencies, the
 * index size, the headline mixture's totals) by the few hundred reports caught up on: an indexed
 * entry's norms are already cached through a quarter of the index's growth for the same reason.
 */
final class DecisionReads {
  // postings remembered from the end of a lookup: those a new report's postings can push out of the budget
  static final int TAIL = 256;

  // the change the decision was taken after (IndexChanges#mark)
  int mark;
  long urlKey;
  String sourceId;
  // the decision's link matched an indexed report: only that report's story was read
  boolean byUrl;
  // the item is little more than a headline: the headline mixture read its candidates' stories
  boolean brief;
  long from;
  long to;
  // the ranked query keys the lookup read postings of (those past the one the budget ran out in
  // cannot bring a candidate), sorted by id, with their weights
  int[] keyIds = new int[0];
  float[] keyWeights = new float[0];
  // the item's keys no indexed report held: left out of the ranking, they would lead it once one does
  int[] unindexedKeys = new int[0];
  // whether the lookup returned as many candidates as it may, and the lowest sum among them
  boolean full;
  double cutoff;
  int postingsRead;
  int maxPostings;
  // the key the budget ran out in (-1: it did not), and how many of its postings were read
  int cutKey = -1;
  int readInCutKey;
  // postings of the query's keys that the reports added since mark bring, as check() counted them for merge()
  private int addedPostings;
  int limit;
  // the candidates scored, in lookup order, and their sums of shared query-key weights
  List<StoryAssigner.Scored> scored = List.of();
  double[] sums = new double[0];
  // the entries of the last postings read, oldest read first
  RecentIndex.Entry[] tail = new RecentIndex.Entry[0];
  final Set<RecentIndex.Entry> candidates = Collections.newSetFromMap(new IdentityHashMap<>());
  final Set<Long> stories = new HashSet<>();
  // the best pair score against the item's own source, as the source's repeat rate learnt it
  double bestSameSource = -1;
  // how far a story's holding a report of the source counted against it (StoryDecision#sameSourceShare),
  // NaN when no story weighed had one: what the decision read of the source's learnt repeat rate
  double sameSourceShare = Double.NaN;

  void keys(int[] ids, float[] weights) {
    Integer[] order = new Integer[ids.length];
    for (int i = 0; i < order.length; i++) {
      order[i] = i;
    }
    Arrays.sort(order, (a, b) -> Integer.compare(ids[a], ids[b]));
    keyIds = new int[ids.length];
    keyWeights = new float[ids.length];
    for (int i = 0; i < order.length; i++) {
      keyIds[i] = ids[order[i]];
      keyWeights[i] = weights[order[i]];
    }
  }

  /** A report indexed since that is now among the candidates, with the sum of the query keys it shares. */
  record Entering(RecentIndex.Entry entry, double sum) {}

  private static final List<Entering> HOLDS = List.of();

  // set by check() when it does not return HOLDS
  Speculation.Why why;


  /**
   * Checks the decision against the {@code changes} indexed since it was taken: an empty list
   * when it holds, the reports that would now be among its candidates when only those changed and
   * their place among the candidates is known, so the caller can score them alone ({@link #merge});
   * null when it must be taken again.
   *
   * <p>It holds when none of the changes took the link, is of the source, moved into or out of one
   * of the candidates' stories (or joined one, for a headline, whose stories are weighed as
   * wholes), or would now be a candidate (holds a key the ranking skipped as unheld, or shares query
   * keys summing to at least the last candidate's, or to anything while the list was short); and
   * the postings the new reports add to the lookup do not push a candidate's out of the budget.
   */
  List<Entering> check(IndexChanges changes, StoryDecision decision) {
    if (urlKey != 0 && changes.urlSince(urlKey, mark)) {
      return redo(Speculation.Why.LINK);
    }
    // a report of the source added since may have made a story hold the source; what the
    // decision read of the source's repeat rate is only the share, which often stays put (clamped)
    if (sourceId != null && (changes.sourceSince(sourceId, mark)
        || (!Double.isNaN(sameSourceShare) && sameSourceShare != decision.sameSourceShareAfter(sourceId, bestSameSource)))) {
      return redo(Speculation.Why.SOURCE);
    }
    for (long story : stories) {
      // a report moved in or out may be a candidate; one added from another source changes what is read
      // of a story besides its candidates only for a headline (the mixture's and the full reports' counts)
      if (changes.movedSince(story, mark) || (brief && changes.joinedSince(story, mark))) {
        return redo(Speculation.Why.STORY);
      }
    }
    if (byUrl) {
      return HOLDS;
    }
    int added = 0;
    boolean ambiguous = false;
    List<Entering> entering = new ArrayList<>();
    for (RecentIndex.Entry e : changes.addedSince(mark)) {
      ItemProfile p = e.profile();
      if (p.time() < from || p.time() > to) {
        continue;
      }
      int[] ids = p.keys().ids();
      if (sharesAny(ids, unindexedKeys)) {
        return redo(Speculation.Why.UNHELD_KEY);
      }
      double sum = 0;
      int shared = 0;
      for (int i = 0, j = 0; i < ids.length && j < keyIds.length; ) {
        if (ids[i] < keyIds[j]) {
          i++;
        } else if (ids[i] > keyIds[j]) {
          j++;
        } else {
          sum += keyWeights[j];
          shared++;
          // whether its posting of the key the budget ran out in is read depends on where it falls
          ambiguous |= ids[i] == cutKey;
          i++;
          j++;
        }
      }
      if (shared > 0 && (!full || sum >= cutoff)) {
        entering.add(new Entering(e, sum));
      }
      added += shared;
    }
    // each added posting read within the budget pushes the last one read before out of it
    int pushedOut = Math.max(0, postingsRead + added - maxPostings);
    if (pushedOut > tail.length) {
      return redo(Speculation.Why.PUSHED_OUT);
    }
    for (int i = tail.length - pushedOut; i < tail.length; i++) {
      if (candidates.contains(tail[i])) {
        return redo(Speculation.Why.PUSHED_OUT);
      }
    }
    if (entering.isEmpty()) {
      return HOLDS;
    }
    // the new candidates' places are known when their sums are exact (no posting in the key the
    // budget ran out in), tie with no other, and what they push out of the budget lies in that key
    if (ambiguous || (pushedOut > 0 && (cutKey < 0 || pushedOut >= readInCutKey))) {
      return redo(Speculation.Why.PLACE_UNKNOWN);
    }
    // the lookup keeps, of equal sums, those it read first: which is not known for a new candidate,
    // and matters only where the list is cut (the choice weighs the candidates in id order)
    if (limit > 0 && sums.length + entering.size() > limit) {
      double[] all = Arrays.copyOf(sums, sums.length + entering.size());
      for (int k = 0; k < entering.size(); k++) {
        all[sums.length + k] = entering.get(k).sum();
      }
      Arrays.sort(all);
      // ascending: the last kept and the first cut
      double lastKept = all[all.length - limit];
      double firstCut = all[all.length - limit - 1];
      if (lastKept == firstCut) {
        for (Entering in : entering) {
          if (in.sum() == lastKept) {
            return redo(Speculation.Why.TIE);
          }
        }
      }
    }
    addedPostings = added;
    why = Speculation.Why.NEW_CANDIDATES;
    return entering;
  }

  /**
   * Right after {@link #check} gave {@code entering}: the candidates once they (scored by
   * {@code score}) are among them, in lookup order (by sum), and this made to read as that lookup
   * would have; {@code mark} the changes' mark now.
   */
  List<StoryAssigner.Scored> merge(List<Entering> entering, Function<RecentIndex.Entry, StoryAssigner.Scored> score,
      IndexChanges changes) {
    List<Entering> in = new ArrayList<>(entering);
    in.sort((a, b) -> Double.compare(b.sum(), a.sum()));
    List<StoryAssigner.Scored> merged = new ArrayList<>();
    List<Double> mergedSums = new ArrayList<>();
    int i = 0;
    int j = 0;
    while (merged.size() < limit && (i < scored.size() || j < in.size())) {
      if (j < in.size() && (i >= scored.size() || in.get(j).sum() > sums[i])) {
        merged.add(score.apply(in.get(j).entry()));
        mergedSums.add(in.get(j).sum());
        j++;
      } else {
        merged.add(scored.get(i));
        mergedSums.add(sums[i]);
        i++;
      }
    }
    int added = addedPostings;
    int pushedOut = Math.max(0, postingsRead + added - maxPostings);
    postingsRead = Math.min(maxPostings, postingsRead + added);
    tail = Arrays.copyOf(tail, tail.length - pushedOut);
    readInCutKey -= pushedOut;
    scored = merged;
    sums = mergedSums.stream().mapToDouble(Double::doubleValue).toArray();
    candidates.clear();
    merged.forEach(s -> candidates.add(s.entry()));
    full = merged.size() >= limit;
    cutoff = sums.length == 0 ? 0 : sums[sums.length - 1];
    mark = changes.mark();
    return merged;
  }


  private List<Entering> redo(Speculation.Why reason) {
    why = reason;
    return null;
  }

  private static boolean sharesAny(int[] sortedA, int[] sortedB) {
    for (int i = 0, j = 0; i < sortedA.length && j < sortedB.length; ) {
      if (sortedA[i] < sortedB[j]) {
        i++;
      } else if (sortedA[i] > sortedB[j]) {
        j++;
      } else {
        return true;
      }
    }
    return false;
  }
}
