package dev.tributary.story;

import java.util.Arrays;
import java.util.Collections;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.Set;

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
  static final int TAIL = 64;

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
  // the ranked query keys, sorted by id, with their weights
  int[] keyIds = new int[0];
  float[] keyWeights = new float[0];
  // the item's keys no indexed report held: left out of the ranking, they would lead it once one does
  int[] unindexedKeys = new int[0];
  // whether the lookup returned as many candidates as it may, and the lowest sum among them
  boolean full;
  double cutoff;
  int postingsRead;
  int maxPostings;
  // the entries of the last postings read, oldest read first
  RecentIndex.Entry[] tail = new RecentIndex.Entry[0];
  final Set<RecentIndex.Entry> candidates = Collections.newSetFromMap(new IdentityHashMap<>());
  final Set<Long> stories = new HashSet<>();
  // the best pair score against the item's own source, as the source's repeat rate learnt it
  double bestSameSource = -1;

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

  /**
   * Whether the decision is still the one the index would give, now that {@code changes} were
   * indexed: none of them took the link, is of the source, moved into or out of one of the
   * candidates' stories (or joined one, for a headline, whose stories are weighed as wholes), or
   * would now be a candidate (holds a key the ranking skipped as unheld,
   * or shares query keys summing to at least the last candidate's, or to anything while the list
   * was short); and the postings the new reports add to the lookup do not push a candidate's out
   * of the budget.
   */
  boolean holds(IndexChanges changes) {
    if (urlKey != 0 && changes.urlSince(urlKey, mark)) {
      return false;
    }
    if (sourceId != null && changes.sourceSince(sourceId, mark)) {
      return false;
    }
    for (long story : stories) {
      // a report moved in or out may be a candidate; one added from another source changes what is read
      // of a story besides its candidates only for a headline (the mixture's and the full reports' counts)
      if (changes.movedSince(story, mark) || (brief && changes.joinedSince(story, mark))) {
        return false;
      }
    }
    if (byUrl) {
      return true;
    }
    int added = 0;
    for (ItemProfile p : changes.addedSince(mark)) {
      if (p.time() < from || p.time() > to) {
        continue;
      }
      int[] ids = p.keys().ids();
      if (sharesAny(ids, unindexedKeys)) {
        return false;
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
          i++;
          j++;
        }
      }
      if (shared > 0 && (!full || sum >= cutoff)) {
        return false;
      }
      added += shared;
    }
    // each added posting read within the budget pushes the last one read before out of it
    int pushedOut = Math.max(0, postingsRead + added - maxPostings);
    if (pushedOut > tail.length) {
      return false;
    }
    for (int i = tail.length - pushedOut; i < tail.length; i++) {
      if (candidates.contains(tail[i])) {
        return false;
      }
    }
    return true;
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
