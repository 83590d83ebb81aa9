package dev.tributary.story;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tributary.config.DefaultSettings;
import org.junit.jupiter.api.Test;

/** Two reports sharing a name few of a large index's reports give, against a name many give. */
class RareNameTest {

  private static final String[] TOWNS = {"Alder", "Birch", "Cedar", "Dune", "Elm", "Fern", "Glen", "Heath"};

  // reports of other council meetings, each in one of a few towns: every town is in many of them
  private static PairProbe probeWith(int others, StoryCandidate... reports) {
    PairProbe probe = new PairProbe(DefaultSettings.story());
    for (StoryCandidate r : reports) {
      probe.index(r, r.itemId());
    }
    for (int i = 0; i < others; i++) {
      StoryCandidate c = ClusteringStoryEngineTest.item(100 + i, "outlet" + i % 7, "en", "Council of " + TOWNS[i % TOWNS.length] + " meets",
          "The council of " + TOWNS[i % TOWNS.length] + " met on Monday over the budget and the roads.", ClusteringStoryEngineTest.DAY);
      probe.index(c, c.itemId());
    }
    return probe;
  }

  private static final StoryCandidate SHOT = ClusteringStoryEngineTest.item(1, "station", "en", "Man shot outside store in Alder",
      "Police said Daniel Okafor was shot outside a store in Alder on Friday night.", ClusteringStoryEngineTest.DAY);
  private static final StoryCandidate NAMED = ClusteringStoryEngineTest.item(2, "paper", "en", "Victim named in Friday shooting",
      "The man shot on Friday was identified as Daniel Okafor, relatives said.", ClusteringStoryEngineTest.DAY);
  private static final StoryCandidate OTHER = ClusteringStoryEngineTest.item(3, "radio", "en", "Woman hurt in Alder crash",
      "A woman was hurt when her car hit a pole in Alder, police said.", ClusteringStoryEngineTest.DAY);

  @Test
  void aNameFewReportsOfALargeIndexGiveIsRareAndATownManyGiveIsNot() {
    PairProbe probe = probeWith(PairScorer.RARE_NAME_INDEX, SHOT, NAMED, OTHER);

    assertThat(probe.compare(SHOT, NAMED).rareName()).isTrue();
    assertThat(probe.compare(SHOT, OTHER).rareName()).isFalse();
  }

  @Test
  void anOutletsOwnReportsShareNoRareName() {
    StoryCandidate byline = ClusteringStoryEngineTest.item(4, "station", "en", "Fire at warehouse",
        "A warehouse burned on Sunday. Reporting by Daniel Okafor.", ClusteringStoryEngineTest.DAY);
    PairProbe probe = probeWith(PairScorer.RARE_NAME_INDEX, SHOT, NAMED, byline);

    assertThat(probe.compare(SHOT, byline).rareName()).isFalse();
    assertThat(probe.compare(NAMED, byline).rareName()).isTrue();
  }

  @Test
  void inASmallIndexNoNameIsRare() {
    PairProbe probe = probeWith(10, SHOT, NAMED, OTHER);

    assertThat(probe.compare(SHOT, NAMED).rareName()).isFalse();
  }
}
