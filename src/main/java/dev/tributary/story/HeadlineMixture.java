package dev.tributary.story;

import java.util.Arrays;
/**
 * Word counts of the headline-only items of each story, for a Dirichlet multinomial mixture
 * decision in the manner of GSDMM and MStream (Yin and Wang): a headline joins the story whose
 * headlines make its words most probable, weighed by the story's size, or starts a new one when no
 * story explains its words better than the vocabulary at large. A few words carry too little for a
 * similarity threshold to tell a topic's twentieth headline from a neighbouring topic's; counts
 * accumulated per story do.
 *
 * <p>Each distinct term of a headline counts once (headlines seldom repeat a word).
 *
 * <p>Held compactly, as the index holds a story per headline-only report: a story's counts are a
 * sorted array of term ids beside their counts, replaced whole on each change (so a copy shares
 * every story), and the headlines per term an array by vocabulary id. Boxed maps took about
 * 500 bytes per single-headline story.
 */
final class HeadlineMixture {
  /** Pseudo-count of every word in every story (MStream's value; 0.1 fell to F1 0.52). */
  private static final double BETA = 0.03;

  /** A story's headlines: never changed once made (a change makes a new one). */
  private record Story(int docs, int words, int[] terms, int[] counts) {
    int count(int term) {
      int i = Arrays.binarySearch(terms, term);
      return i < 0 ? 0 : counts[i];
    }

    // the headline's terms (sorted, distinct) counted once more
    Story plus(int[] headline) {
      int[] t = new int[terms.length + headline.length];
      int[] c = new int[t.length];
      int i = 0;
      int j = 0;
      int n = 0;
      while (i < terms.length || j < headline.length) {
        if (j == headline.length || (i < terms.length && terms[i] < headline[j])) {
          t[n] = terms[i];
          c[n++] = counts[i++];
        } else if (i == terms.length || headline[j] < terms[i]) {
          t[n] = headline[j++];
          c[n++] = 1;
        } else {
          t[n] = terms[i];
          c[n++] = counts[i++] + 1;
          j++;
        }
      }
      return new Story(docs + 1, words + headline.length, Arrays.copyOf(t, n), Arrays.copyOf(c, n));
    }

    // the headline's terms counted once less; null when no headline is left
    Story minus(int[] headline) {
      if (docs <= 1) {
        return null;
      }
      int[] t = terms.clone();
      int[] c = counts.clone();
      int kept = t.length;
      for (int term : headline) {
        int i = Arrays.binarySearch(terms, term);
        if (i >= 0 && --c[i] == 0) {
          kept--;
        }
      }
      if (kept < t.length) {
        int n = 0;
        for (int i = 0; i < t.length; i++) {
          if (c[i] > 0) {
            t[n] = t[i];
            c[n++] = c[i];
          }
        }
        t = Arrays.copyOf(t, n);
        c = Arrays.copyOf(c, n);
      }
      return new Story(docs - 1, words - headline.length, t, c);
    }
  }

  private static final Story NONE = new Story(0, 0, new int[0], new int[0]);

  /**
   * Prior weight of a new story, per headline seen ({@link StoryConfig#mixtureAlpha}). MStream
   * samples with 0.03; deciding greedily within a window and then regrouping, that joined too
   * readily here (precision 0.60 on its News slices).
   */
  private final double alpha;
  private final LongMap<Story> stories = new LongMap<>();
  // headlines containing each term, by term id; the vocabulary size is the number of terms counted
  private int[] termDocs = new int[256];
  private int terms;
  private int docs;

  HeadlineMixture(double alpha) {
    this.alpha = alpha;
  }

  /** Counts a headline of {@code terms} (sorted, distinct term ids) in the story. */
  void add(long storyId, int[] terms) {
    for (int i = 1; i < terms.length; i++) {
      if (terms[i] <= terms[i - 1]) {
        throw new IllegalArgumentException("a headline's terms must be sorted and distinct");
      }
    }
    Story s = stories.get(storyId);
    stories.put(storyId, (s == null ? NONE : s).plus(terms));
    for (int t : terms) {
      if (t >= termDocs.length) {
        termDocs = Arrays.copyOf(termDocs, Math.max(t + 1, termDocs.length * 2));
      }
      if (termDocs[t]++ == 0) {
        this.terms++;
      }
    }
    docs++;
  }

  void remove(long storyId, int[] terms) {
    Story s = stories.get(storyId);
    if (s == null) {
      return;
    }
    for (int t : terms) {
      if (t < termDocs.length && termDocs[t] > 0 && --termDocs[t] == 0) {
        this.terms--;
      }
    }
    stories.put(storyId, s.minus(terms));
    docs--;
  }

  /** Headline-only items in the story. */
  int docs(long storyId) {
    Story s = stories.get(storyId);
    return s == null ? 0 : s.docs();
  }

  /** Log of the (unnormalized) probability that the headline belongs to the story; NaN for a story without headlines. */
  double logJoin(long storyId, int[] terms) {
    Story s = stories.get(storyId);
    if (s == null) {
      return Double.NaN;
    }
    double vb = vocabulary(terms) * BETA;
    double lp = Math.log(s.docs());
    for (int i = 0; i < terms.length; i++) {
      lp += Math.log(s.count(terms[i]) + BETA) - Math.log(s.words() + vb + i);
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
    int v = this.terms;
    for (int t : terms) {
      if (t >= termDocs.length || termDocs[t] == 0) {
        v++;
      }
    }
    return v;
  }

  /** A copy, which goes on apart from this one (stories are never changed in place: they are shared). */
  HeadlineMixture copy() {
    HeadlineMixture c = new HeadlineMixture(alpha);
    c.stories.copyFrom(stories);
    c.termDocs = termDocs.clone();
    c.terms = terms;
    c.docs = docs;
    return c;
  }

  void clear() {
    stories.clear();
    Arrays.fill(termDocs, 0);
    terms = 0;
    docs = 0;
  }
}
