package dev.tributary.story;

import dev.tributary.config.DefaultSettings;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/** The headline mixture on word ids: which story explains a headline's words, and when none does. */
class HeadlineMixtureTest {

  // word ids: 1 ferry, 2 batumi, 3 odessa, 4 route, 5 resumes, 6 wine, 7 harvest, 8 kakheti, 9 record, 10 opens
  private static final int[] FERRY_1 = {1, 2, 3, 4};
  private static final int[] FERRY_2 = {1, 2, 5};
  private static final int[] WINE_1 = {6, 7, 8, 9};
  private static final int[] WINE_2 = {6, 7, 8};

  private static HeadlineMixture twoStories() {
    var m = new HeadlineMixture(DefaultSettings.story().mixtureAlpha());
    m.add(100, FERRY_1);
    m.add(100, FERRY_2);
    m.add(200, WINE_1);
    m.add(200, WINE_2);
    return m;
  }

  @Test
  void aHeadlineJoinsTheStoryWhoseWordsItShares() {
    var m = twoStories();
    int[] ferry = {1, 3, 5, 10};
    assertThat(m.logJoin(100, ferry)).isGreaterThan(m.logJoin(200, ferry)).isGreaterThan(m.logNew(ferry));
  }

  @Test
  void aHeadlineOfNewWordsStartsAStory() {
    var m = twoStories();
    int[] other = {11, 12, 13};
    assertThat(m.logNew(other)).isGreaterThan(m.logJoin(100, other)).isGreaterThan(Double.NEGATIVE_INFINITY);
  }

  @Test
  void removingAHeadlineUndoesAddingIt() {
    var m = twoStories();
    m.remove(100, FERRY_2);
    m.remove(100, FERRY_1);
    assertThat(m.docs(100)).isZero();
    assertThat(m.logJoin(100, FERRY_1)).isNaN();
    assertThat(m.docs(200)).isEqualTo(2);
  }

  @Test
  void scoresAsCountsInMapsWouldThroughAddsRemovalsAndCopies() {
    var random = new SplittableRandom(17);
    double alpha = DefaultSettings.story().mixtureAlpha();
    var m = new HeadlineMixture(alpha);
    var reference = new Reference(alpha);
    List<long[]> added = new ArrayList<>(); // story id, then the index of its headline in headlines
    List<int[]> headlines = new ArrayList<>();
    HeadlineMixture copy = null;
    Reference copied = null;
    for (int step = 0; step < 20_000; step++) {
      if (!added.isEmpty() && random.nextInt(3) == 0) {
        long[] a = added.remove(random.nextInt(added.size()));
        m.remove(a[0], headlines.get((int) a[1]));
        reference.remove(a[0], headlines.get((int) a[1]));
      } else {
        TreeSet<Integer> words = new TreeSet<>();
        int n = random.nextInt(1, 9);
        while (words.size() < n) {
          words.add(random.nextInt(0, 400));
        }
        int[] h = words.stream().mapToInt(Integer::intValue).toArray();
        long story = random.nextInt(0, 60);
        m.add(story, h);
        reference.add(story, h);
        headlines.add(h);
        added.add(new long[] {story, headlines.size() - 1});
      }
      if (step == 10_000) {
        copy = m.copy();
        copied = reference.copy();
      }
      if (step % 101 == 0) {
        int[] probe = headlines.get(random.nextInt(headlines.size()));
        // boxed: the same double, bit for bit (NaN for a story without headlines on both sides)
        assertThat(Double.valueOf(m.logNew(probe))).isEqualTo(Double.valueOf(reference.logNew(probe)));
        for (long story = 0; story < 60; story++) {
          assertThat(m.docs(story)).isEqualTo(reference.docs(story));
          assertThat(Double.valueOf(m.logJoin(story, probe))).isEqualTo(Double.valueOf(reference.logJoin(story, probe)));
        }
      }
    }
    // the copy kept the state of its moment while the original went on
    int[] probe = headlines.get(0);
    for (long story = 0; story < 60; story++) {
      assertThat(Double.valueOf(copy.logJoin(story, probe))).isEqualTo(Double.valueOf(copied.logJoin(story, probe)));
    }
    assertThat(copy.logNew(probe)).isEqualTo(copied.logNew(probe));
  }

  /** The mixture as counts in boxed maps, the plain form its compact one must score as. */
  private static final class Reference {
    private static final double BETA = 0.03;
    private final double alpha;
    private final Map<Long, Map<Integer, Integer>> counts = new HashMap<>();
    private final Map<Long, int[]> sizes = new HashMap<>(); // docs, words
    private final Map<Integer, Integer> termDocs = new HashMap<>();
    private int docs;

    Reference(double alpha) {
      this.alpha = alpha;
    }

    void add(long story, int[] terms) {
      Map<Integer, Integer> c = counts.computeIfAbsent(story, k -> new HashMap<>());
      int[] size = sizes.computeIfAbsent(story, k -> new int[2]);
      size[0]++;
      size[1] += terms.length;
      for (int t : terms) {
        c.merge(t, 1, Integer::sum);
        termDocs.merge(t, 1, Integer::sum);
      }
      docs++;
    }

    void remove(long story, int[] terms) {
      Map<Integer, Integer> c = counts.get(story);
      if (c == null) {
        return;
      }
      for (int t : terms) {
        c.computeIfPresent(t, (k, v) -> v == 1 ? null : v - 1);
        termDocs.computeIfPresent(t, (k, v) -> v == 1 ? null : v - 1);
      }
      int[] size = sizes.get(story);
      size[1] -= terms.length;
      if (--size[0] <= 0) {
        counts.remove(story);
        sizes.remove(story);
      }
      docs--;
    }

    int docs(long story) {
      int[] size = sizes.get(story);
      return size == null ? 0 : size[0];
    }

    double logJoin(long story, int[] terms) {
      Map<Integer, Integer> c = counts.get(story);
      if (c == null) {
        return Double.NaN;
      }
      int[] size = sizes.get(story);
      double vb = vocabulary(terms) * BETA;
      double lp = Math.log(size[0]);
      for (int i = 0; i < terms.length; i++) {
        lp += Math.log(c.getOrDefault(terms[i], 0) + BETA) - Math.log(size[1] + vb + i);
      }
      return lp;
    }

    double logNew(int[] terms) {
      double vb = vocabulary(terms) * BETA;
      double lp = Math.log(alpha * Math.max(1, docs));
      for (int i = 0; i < terms.length; i++) {
        lp += Math.log(BETA) - Math.log(vb + i);
      }
      return lp;
    }

    private int vocabulary(int[] terms) {
      int v = termDocs.size();
      for (int t : terms) {
        if (!termDocs.containsKey(t)) {
          v++;
        }
      }
      return v;
    }

    Reference copy() {
      Reference c = new Reference(alpha);
      counts.forEach((k, v) -> c.counts.put(k, new HashMap<>(v)));
      sizes.forEach((k, v) -> c.sizes.put(k, v.clone()));
      c.termDocs.putAll(termDocs);
      c.docs = docs;
      return c;
    }
  }
}
