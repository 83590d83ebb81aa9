package dev.tributary.story;

import java.util.HashMap;
import java.util.Map;

/**
 * Word counts of the headline-only items of each story, for a Dirichlet multinomial mixture
 * decision in the manner of GSDMM and MStream (Yin and Wang): a headline joins the story whose
 * headlines make its words most probable, weighed by the story's size, or starts a new one when no
 * story explains its words better than the vocabulary at large. A few words carry too little for a
 * similarity threshold to tell a topic's twentieth headline from a neighbouring topic's; counts
 * accumulated per story do.
 *
 * <p>Each distinct term of a headline counts once (headlines seldom repeat a word).
 */
final class HeadlineMixture {
  /** Pseudo-count of every word in every story (MStream's value; 0.1 fell to F1 0.52). */
  private static final double BETA = 0.03;

  private static final class Story {
    int docs;
    int words;
    final Map<Integer, Integer> counts = new HashMap<>();
  }

  /**
   * Prior weight of a new story, per headline seen ({@link StoryConfig#mixtureAlpha}). MStream
   * samples with 0.03; deciding greedily within a window and then regrouping, that joined too
   * readily here (precision 0.60 on its News slices).
   */
  private final double alpha;
  private final Map<Long, Story> stories = new HashMap<>();
  // headlines containing each term: the vocabulary size is the number of keys
  private final Map<Integer, Integer> termDocs = new HashMap<>();
  private int docs;

  HeadlineMixture(double alpha) {
    this.alpha = alpha;
  }

  void add(long storyId, int[] terms) {
    Story s = stories.computeIfAbsent(storyId, k -> new Story());
    s.docs++;
    s.words += terms.length;
    for (int t : terms) {
      s.counts.merge(t, 1, Integer::sum);
      termDocs.merge(t, 1, Integer::sum);
    }
    docs++;
  }

  void remove(long storyId, int[] terms) {
    Story s = stories.get(storyId);
    if (s == null) {
      return;
    }
    for (int t : terms) {
      s.counts.computeIfPresent(t, (k, v) -> v == 1 ? null : v - 1);
      termDocs.computeIfPresent(t, (k, v) -> v == 1 ? null : v - 1);
    }
    s.words -= terms.length;
    if (--s.docs <= 0) {
      stories.remove(storyId);
    }
    docs--;
  }

  /** Headline-only items in the story. */
  int docs(long storyId) {
    Story s = stories.get(storyId);
    return s == null ? 0 : s.docs;
  }

  /** Log of the (unnormalized) probability that the headline belongs to the story; NaN for a story without headlines. */
  double logJoin(long storyId, int[] terms) {
    Story s = stories.get(storyId);
    if (s == null) {
      return Double.NaN;
    }
    double vb = vocabulary(terms) * BETA;
    double lp = Math.log(s.docs);
    for (int i = 0; i < terms.length; i++) {
      lp += Math.log(s.counts.getOrDefault(terms[i], 0) + BETA) - Math.log(s.words + vb + i);
    }
    return lp;
  }

  /** Log of the (unnormalized) probability that the headline starts a story of its own. */
  double logNew(int[] terms) {
    double vb = vocabulary(terms) * BETA;
    double lp = Math.log(alpha * Math.max(1, docs));
    for (int i = 0; i < terms.length; i++) {
      lp += Math.log(BETA) - Math.log(vb + i);
    }
    return lp;
  }

  // the headline's own new words count too: a first headline has a vocabulary of its words
  private int vocabulary(int[] terms) {
    int v = termDocs.size();
    for (int t : terms) {
      if (!termDocs.containsKey(t)) {
        v++;
      }
    }
    return v;
  }

  /** A deep copy, which goes on apart from this one. */
  HeadlineMixture copy() {
    HeadlineMixture c = new HeadlineMixture(alpha);
    for (var e : stories.entrySet()) {
      Story s = new Story();
      s.docs = e.getValue().docs;
      s.words = e.getValue().words;
      s.counts.putAll(e.getValue().counts);
      c.stories.put(e.getKey(), s);
    }
    c.termDocs.putAll(termDocs);
    c.docs = docs;
    return c;
  }

  void clear() {
    stories.clear();
    termDocs.clear();
    docs = 0;
  }
}
