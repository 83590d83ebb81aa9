package dev.tributary.story;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** When two titles' numbers count as the same figure, and what a clash does to a pair. */
class TitleNumbersTest {

  @ParameterizedTest(name = "{0} vs {1}: agree {2}")
  @CsvSource({
    "121, 120, true", // a count revised between two reports
    "1500, 1400, true",
    "300, 350, false",
    "8, 16, false", // forecast for 8 November against 16 November
    "8, 9, false", // small numbers are days, ranks, scores: only equal ones agree
    "2019, 2020, false", // years agree only when equal
    "2020, 2020, true",
    "10, 11, true",
  })
  void numbersAgreeWhenEqualOrRevisedCounts(int a, int b, boolean agree) {
    assertThat(PairScorer.anyNear(new int[] {a}, new int[] {b})).isEqualTo(agree);
    assertThat(PairScorer.anyNear(new int[] {b}, new int[] {a})).isEqualTo(agree);
  }

  @ParameterizedTest(name = "{0} vs {1}: clash {2}")
  @CsvSource(delimiter = '|', value = {
    "Ferry fire: 121 passengers rescued off Batumi | Ferry fire: 120 passengers rescued off Batumi | false",
    "Ferry fire: 121 passengers rescued off Batumi | Ferry fire: 45 passengers rescued off Batumi | true",
    "Ferry fire: 121 passengers rescued off Batumi | Ferry fire: passengers rescued off Batumi | false",
  })
  void revisedCountsDoNotClash(String titleA, String titleB, boolean clash) {
    var probe = new PairProbe(StoryConfig.defaults());
    Instant at = Instant.parse("2030-05-01T10:00:00Z");
    var a = ClusteringStoryEngineTest.item(1, "port-news", "en", titleA, "Rescue boats reached the burning ferry at dawn.", at);
    var b = ClusteringStoryEngineTest.item(2, "coast-radio", "en", titleB, "Rescue boats reached the burning ferry at dawn.", at);
    assertThat(probe.compare(a, b).numbersClash()).isEqualTo(clash);
  }
}
