package dev.tributary.story;

import java.util.HashMap;
import java.util.Map;

/**
 * Turns an item's pair scores against one story's candidate reports into the story's score, and
 * says whether that score is enough to join. Kept apart from the engine so that a pass which
 * re-decides stored items can ask the same question.
 *
 * <p>Holds one piece of state: per source, how often its items closely match an earlier item of
 * the same source. An outlet rarely files two reports of one event, so a story that already has
 * the source's report is held to a higher bar; a headline aggregator or a single-feed stream
 * repeats stories all the time, and the same penalty would stop it from clustering at all. The
 * observed repeat rate tells the two apart without configuration per feed.
 */
final class StoryDecision {

  /**
   * Pseudo-observations of "no repeat" each source starts with: an outlet with two or three items
   * on one topic must not lose the penalty, a stream of hundreds must lose it within a few dozen.
   */
  private static final double PRIOR_ITEMS = 8;
  /** Observations kept per source; older ones fade so that a feed that changes character is re-learnt. */
  private static final double MEMORY = 500;
  private static final int MAX_SOURCES = 100_000;

  private final StoryConfig config;
  private final StoryModel model;
  // per source: {items observed, items that repeated an earlier one of the source}
  private final Map<String, double[]> repeats = new HashMap<>();
  // since mark(): each changed source's rates as they were (null: absent), so that a rollback
  // restores a handful of sources rather than a copy of all of them being taken per batch
  private Map<String, double[]> journal;
  // the whole map as it was at mark(), once a bound's clear() made the journal useless
  private Map<String, double[]> marked;

  StoryDecision(StoryConfig config) {
    this(config, StoryModel.shipped());
  }

  StoryDecision(StoryConfig config, StoryModel model) {
    this.config = config;
    this.model = model;
  }

  /**
   * A story's score from the best and the mean of the item's pair scores against its candidate
   * reports; {@code storyHasSource} when the story already holds a report of the item's source,
   * which the {@link StoryModel} weighs.
   */
  double storyScore(double max, double mean, boolean storyHasSource, String sourceId) {
    return storyScore(max, mean, 0, storyHasSource, sourceId);
  }

  /**
   * The story's score as {@link #storyScore(double, double, boolean, String)} gives it, supported
   * by {@code second}, the item's pair score against the story's second most similar report (0
   * for none).
   */
  double storyScore(double max, double mean, double second, boolean storyHasSource, String sourceId) {
    return storyScore(max, mean, max, second, storyHasSource, sourceId);
  }

  /**
   * The story's score from the best and the mean of the item's pair scores against its candidate
   * reports, supported by the best ({@code nearBest}) and second best ({@code second}) of those
   * published within {@link StoryAssigner#SUPPORT_SECONDS} of the item: when the second is at least
   * {@link StoryConfig#supportFloor()}, the score is at least {@code 1 - (1 - nearBest) * (1 -
   * supportShare * second)}, two reports that each resemble the item moderately counting as more
   * than one.
   */
  double storyScore(double max, double mean, double nearBest, double second, boolean storyHasSource, String sourceId) {
    double s = blend(config, max, mean, nearBest, second);
    return storyHasSource ? model.score(s, sameSourceShare(sourceId)) : s;
  }

  /**
   * The best match decides, tempered by the mean over the story's other close reports so that one
   * look-alike report does not chain a neighbouring event in; a second report that also resembles
   * the item ({@link StoryConfig#supportFloor()} or more) is evidence of its own, as two witnesses
   * are more than one: the score is then at least what the best and a share of the second give as
   * independent chances ({@link StoryConfig#supportShare()}).
   */
  static double blend(StoryConfig config, double max, double mean, double second) {
    return blend(config, max, mean, max, second);
  }

  /** As {@link #blend(StoryConfig, double, double, double)}, the support counted from {@code nearBest} rather than the best of all. */
  static double blend(StoryConfig config, double max, double mean, double nearBest, double second) {
    double s = (1 - config.meanShare()) * max + config.meanShare() * mean;
    if (config.supportShare() > 0 && second >= config.supportFloor()) {
      s = Math.max(s, 1 - (1 - nearBest) * (1 - config.supportShare() * second));
    }
    return s;
  }

  boolean joins(double storyScore) {
    return storyScore >= config.joinThreshold();
  }

  /**
   * Records an item's best pair score against earlier items of its own source, before any
   * penalty; negative when none was among its candidates, which says nothing either way (a
   * stream's first items have nothing to repeat yet).
   */
  void observe(String sourceId, double bestSameSource) {
    if (sourceId == null || bestSameSource < 0) {
      return;
    }
    if (repeats.size() >= MAX_SOURCES && !repeats.containsKey(sourceId)) {
      if (journal != null && marked == null) {
        marked = asMarked();
      }
      repeats.clear(); // a crude bound: the rates are re-learnt within a few dozen items per source
    }
    if (journal != null && marked == null && !journal.containsKey(sourceId)) {
      double[] was = repeats.get(sourceId);
      journal.put(sourceId, was == null ? null : was.clone());
    }
    learn(repeats.computeIfAbsent(sourceId, k -> new double[2]), bestSameSource);
  }

  // one observation into a source's {items observed, items that repeated}: older ones count half past MEMORY
  private void learn(double[] r, double bestSameSource) {
    if (r[0] >= MEMORY) {
      r[0] /= 2;
      r[1] /= 2;
    }
    r[0]++;
    if (bestSameSource >= config.joinThreshold()) {
      r[1]++;
    }
  }

  /**
   * Records a stored item reloaded at start-up, which was never compared in this run: whether it
   * was filed in a story already holding a report of its source says whether the source repeats
   * itself, so that a restart does not make a headline stream start over as if it were an outlet.
   */
  void observeStored(String sourceId, boolean storyHadSource) {
    observe(sourceId, storyHadSource ? config.joinThreshold() : 0);
  }

  /**
   * How far a story's holding a report of this source counts against a second one
   * ({@link StoryModel}'s {@code sourceInStory}): in full while the source's items seldom repeat
   * each other, fading linearly from half of {@link StoryConfig#sourceRepeatRate()} to not at all
   * at it (a stream whose every story arrives through it).
   */
  double sameSourceShare(String sourceId) {
    return share(sourceId == null ? null : repeats.get(sourceId));
  }

  /**
   * {@link #sameSourceShare} as it will be once {@link #observe} has recorded {@code bestSameSource}
   * for the source, without recording it: what a decision taken now reads of the source (it
   * observes its item before weighing stories).
   */
  double sameSourceShareAfter(String sourceId, double bestSameSource) {
    double[] r = sourceId == null ? null : repeats.get(sourceId);
    if (sourceId == null || bestSameSource < 0) {
      return share(r);
    }
    double[] next = r == null ? new double[2] : r.clone();
    learn(next, bestSameSource);
    return share(next);
  }

  private double share(double[] r) {
    double rate = r == null ? 0 : r[1] / (r[0] + PRIOR_ITEMS);
    double full = config.sourceRepeatRate();
    double lift = full <= 0 ? 1 : Math.max(0, Math.min(1, (rate - full / 2) / (full / 2)));
    return 1 - lift;
  }

  /** A copy that goes on learning apart from this one. */
  StoryDecision copy() {
    StoryDecision c = new StoryDecision(config, model);
    repeats.forEach((source, r) -> c.repeats.put(source, r.clone()));
    return c;
  }

  void clear() {
    repeats.clear();
    journal = null;
    marked = null;
  }

  /** From now on remembers what {@link #rollback} restores: the rates as they are now. */
  void mark() {
    journal = new HashMap<>();
    marked = null;
  }

  /** Restores the rates as they were at {@link #mark} and stops remembering. */
  void rollback() {
    if (marked != null) {
      repeats.clear();
      repeats.putAll(marked);
    } else if (journal != null) {
      journal.forEach((source, was) -> {
        if (was == null) {
          repeats.remove(source);
        } else {
          repeats.put(source, was);
        }
      });
    }
    unmark();
  }

  /** Keeps what was learnt since {@link #mark} and stops remembering. */
  void unmark() {
    journal = null;
    marked = null;
  }

  // the rates as they were at mark(): the current ones with the journal's changes undone
  private Map<String, double[]> asMarked() {
    Map<String, double[]> m = new HashMap<>();
    repeats.forEach((source, r) -> m.put(source, r.clone()));
    journal.forEach((source, was) -> {
      if (was == null) {
        m.remove(source);
      } else {
        m.put(source, was);
      }
    });
    return m;
  }

  /** Makes this what {@code other} (a {@link #copy}) holds. */
  void restore(StoryDecision other) {
    repeats.clear();
    other.repeats.forEach((source, r) -> repeats.put(source, r.clone()));
  }
}
