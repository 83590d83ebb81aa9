package dev.tributary.story;

/**
 * A batch of decisions taken ahead of the cluster-wide assignment lock, on the index as the
 * caller last caught it up, and indexed tentatively so that each decision sees the batch's earlier
 * ones. When stored reports arrive first (another replica's, caught up on), the batch is taken
 * back and placed again after them, each decision {@link #decide decided} again only when what
 * arrived could have changed it (see {@code DecisionReads}); then the lock holds little more than
 * the writes. One batch at a time, on one thread, under the caller's serialization.
 *
 * <p>Use: {@link #item} per report, in batch order; {@link #decide} it (unless the caller files it
 * itself, by its link) and {@link #place} it in the story it goes to. Stored reports indexed
 * meanwhile take the placed ones back by themselves; {@link #takenBack} then says the batch must
 * be gone through again in the same order, {@link #decide} answering at once for decisions that
 * still hold. {@link #close} once the batch is written.
 */
public interface Speculation {
  /** One report of the batch. */
  interface Tentative {
    /** The report, with the id it will be stored under. */
    StoryCandidate item();
  }

  /** The handle of a report of the batch (its id set: tentative reports are indexed under it). */
  Tentative item(StoryCandidate item);

  /**
   * Where the report goes, as {@link StoryEngine#assign} would say now: the last decision when it
   * still holds against what was indexed since, else a new one.
   */
  Assignment decide(Tentative t);

  /** Indexes the report, tentatively, in {@code storyId}: the next in batch order. */
  void place(Tentative t, long storyId);

  /** Whether stored reports have taken the placed ones back since the last pass: go through the batch again. */
  boolean takenBack();

  /** Decisions taken again (not held) since the batch began. */
  int redecided();

  /**
   * Why a decision was taken again: the link or the source changed, a candidate's story changed, a
   * report added holds a key the ranking skipped as unheld, the postings budget pushed a
   * candidate's postings out, new candidates came whose places are unknown (a posting in the key
   * the budget ran out in, a pushed-out posting outside it) or tie another's sum, or new candidates
   * came at known places and only they were scored.
   */
  enum Why { LINK, SOURCE, STORY, UNHELD_KEY, PUSHED_OUT, PLACE_UNKNOWN, TIE, NEW_CANDIDATES }

  /** Decisions taken again since the batch began, by {@link Why} (indexed by ordinal). */
  default int[] redecidedBy() {
    return new int[Why.values().length];
  }

  /** The batch is stored as placed: its reports stay indexed. */
  void close();
}
