package dev.tributary.story;

import dev.tributary.config.DefaultSettings;
import static org.assertj.core.api.Assertions.assertThat;

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
}
