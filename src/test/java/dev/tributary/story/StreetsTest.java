package dev.tributary.story;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tributary.config.DefaultSettings;
import org.junit.jupiter.api.Test;

/** The streets a local report names, and whether two reports name one. */
class StreetsTest {

  @Test
  void aStreetIsItsOwnNameWhateverSuffixOrQuarterAnOutletWrites() {
    int[] a = Streets.of("en", "", "It happened in the 8200 block of Northwest 10th Street.");
    int[] b = Streets.of("en", "", "Officers went to a home on NW 10th St. just after noon.");
    int[] c = Streets.of("en", "Shots near Plymouth Avenue", "Shots were fired near Plymouth Avenue and Main Street.");

    assertThat(a).hasSize(1).isEqualTo(b);
    assertThat(c).hasSize(2);
    assertThat(Streets.shared(a, b)).isTrue();
    assertThat(Streets.shared(a, c)).isFalse();
    assertThat(Streets.shared(a, Streets.NONE)).isFalse();
  }

  @Test
  void courtsCompoundsAndLowerCaseWordsAreNoStreets() {
    assertThat(Streets.of("en", "Teen dies days after Uptown Drive-By",
        "He appeared in Circuit Court. They walked down the street and the road. A 4-year-old St. Louis girl was hurt."))
        .isSameAs(Streets.NONE);
  }

  @Test
  void aNameEndsAtItsSuffix() {
    assertThat(Streets.of("en", "", "The home on Forest Circle Drive"))
        .isEqualTo(Streets.of("en", "", "The home on Forest Circle"));
    assertThat(Streets.of("en", "", "a crash on Woodson-Franklin Road")).hasSize(1);
  }

  @Test
  void aStreetStandingForAnInstitutionIsNoPlace() {
    assertThat(Streets.of("en", "Shares tumble as Wall St. frowns", "Wall Street and Downing Street reacted.")).isSameAs(Streets.NONE);
  }

  @Test
  void otherLanguagesYieldNone() {
    assertThat(Streets.of("de", "", "Schüsse in der Main Street")).isSameAs(Streets.NONE);
  }

  /** Two reports of one shooting, worded apart, meet on its street; a shooting elsewhere in the city does not. */
  @Test
  void theEngineComparesReportsByTheirStreets() {
    PairProbe probe = new PairProbe(DefaultSettings.story());
    StoryCandidate a = ClusteringStoryEngineTest.item(1, "station", "en", "Teen shot in head in Pembroke Pines home",
        "A 15-year-old boy was shot in the head on Northwest 10th Street on Wednesday, police said.", ClusteringStoryEngineTest.DAY);
    StoryCandidate b = ClusteringStoryEngineTest.item(2, "paper", "en", "Teen charged after shooting friend",
        "Nathan Walker, 16, shot the 15-year-old at a house on NW 10th St., authorities said.", ClusteringStoryEngineTest.DAY);
    StoryCandidate c = ClusteringStoryEngineTest.item(3, "other", "en", "Man shot outside store",
        "A 32-year-old man was shot outside a store on Pines Boulevard, police said.", ClusteringStoryEngineTest.DAY);
    for (StoryCandidate x : new StoryCandidate[] {a, b, c}) {
      probe.index(x, x.itemId());
    }

    assertThat(probe.compare(a, b).sharedStreet()).isTrue();
    assertThat(probe.compare(a, c).sharedStreet()).isFalse();
  }
}
