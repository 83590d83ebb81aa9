package dev.tributary.story;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tributary.config.DefaultSettings;
import org.junit.jupiter.api.Test;

/** Two reports in two languages with one name in common, against two with more and two in one language. */
class OneNameAcrossTest {

  private static final StoryCandidate VISIT = ClusteringStoryEngineTest.item(1, "herald", "en", "Minister Varga visits Lindholm port",
      "Minister Petra Varga visited the port of Lindholm on Tuesday and promised Orvik Shipping new cranes.", ClusteringStoryEngineTest.DAY);
  private static final StoryCandidate VISIT_DE = ClusteringStoryEngineTest.item(2, "kurier", "de", "Ministerin Varga besucht Hafen Lindholm",
      "Ministerin Petra Varga hat am Dienstag den Hafen von Lindholm besucht und Orvik Shipping neue Kräne versprochen.", ClusteringStoryEngineTest.DAY);
  private static final StoryCandidate BUDGET_DE = ClusteringStoryEngineTest.item(3, "zeitung", "de", "Haushalt: Streit um Varga",
      "Im Parlament von Brenna wurde am Freitag über den Haushalt gestritten; Varga verteidigte die Kürzungen vor Kessler.", ClusteringStoryEngineTest.DAY);
  private static final StoryCandidate BUDGET_EN = ClusteringStoryEngineTest.item(4, "gazette", "en", "Budget row over Varga",
      "Lawmakers in Brenna argued over the budget on Friday; Varga defended the cuts before Kessler.", ClusteringStoryEngineTest.DAY);

  private static PairProbe probe() {
    PairProbe probe = new PairProbe(DefaultSettings.story());
    for (StoryCandidate c : new StoryCandidate[] {VISIT, VISIT_DE, BUDGET_DE, BUDGET_EN}) {
      probe.index(c, c.itemId());
    }
    return probe;
  }

  @Test
  void twoLanguagesSharingOneNameOfSeveralAreMarked() {
    PairProbe probe = probe();

    assertThat(probe.compare(VISIT, BUDGET_DE).oneNameAcross()).isTrue();
    assertThat(probe.compare(VISIT, VISIT_DE).oneNameAcross()).isFalse();
  }

  @Test
  void oneLanguageIsNeverMarked() {
    assertThat(probe().compare(VISIT, BUDGET_EN).oneNameAcross()).isFalse();
  }

  @Test
  void exactlyOneSharedIdAmongTwoOrMoreEach() {
    assertThat(PairScorer.oneNameAcross(new int[] {1, 5, 9}, new int[] {2, 5, 7})).isTrue();
    assertThat(PairScorer.oneNameAcross(new int[] {1, 5, 9}, new int[] {1, 5, 7})).isFalse();
    assertThat(PairScorer.oneNameAcross(new int[] {1, 5, 9}, new int[] {2, 4})).isFalse();
    assertThat(PairScorer.oneNameAcross(new int[] {5}, new int[] {2, 5, 7})).isFalse();
  }
}
