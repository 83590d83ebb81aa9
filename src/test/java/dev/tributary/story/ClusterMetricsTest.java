package dev.tributary.story;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import org.junit.jupiter.api.Test;

class ClusterMetricsTest {

  @Test
  void perfectClusteringScoresOne() {
    var s = ClusterMetrics.bcubed(List.of(1, 1, 2), List.of("a", "a", "b"));
    assertThat(s.precision()).isEqualTo(1.0);
    assertThat(s.recall()).isEqualTo(1.0);
    assertThat(ClusterMetrics.pairwise(List.of(1, 1, 2), List.of("a", "a", "b")).f1()).isEqualTo(1.0);
  }

  @Test
  void bcubedByHand() {
    // gold {0,1,2} {3,4}; predicted {0,1} {2,3,4}
    // precision per item: 1, 1, 1/3, 2/3, 2/3 -> 11/15
    // recall per item: 2/3, 2/3, 1/3, 1, 1 -> 11/15
    var s = ClusterMetrics.bcubed(List.of(1, 1, 2, 2, 2), List.of("a", "a", "a", "b", "b"));
    assertThat(s.precision()).isCloseTo(11.0 / 15, within(1e-9));
    assertThat(s.recall()).isCloseTo(11.0 / 15, within(1e-9));
    assertThat(s.f1()).isCloseTo(11.0 / 15, within(1e-9));
  }

  @Test
  void allSingletonsHavePerfectPrecision() {
    // gold {0,1,2,3}; predicted singletons: precision 1, recall 1/4 each
    var s = ClusterMetrics.bcubed(List.of(1, 2, 3, 4), List.of("a", "a", "a", "a"));
    assertThat(s.precision()).isEqualTo(1.0);
    assertThat(s.recall()).isCloseTo(0.25, within(1e-9));
    assertThat(s.f1()).isCloseTo(0.4, within(1e-9));
  }

  @Test
  void pairwiseByHand() {
    // gold {0,1,2} {3,4}: pairs 01 02 12 34; predicted {0,1} {2,3,4}: pairs 01 23 24 34
    // true positives 01, 34 -> precision 2/4, recall 2/4
    var s = ClusterMetrics.pairwise(List.of(1, 1, 2, 2, 2), List.of("a", "a", "a", "b", "b"));
    assertThat(s.precision()).isCloseTo(0.5, within(1e-9));
    assertThat(s.recall()).isCloseTo(0.5, within(1e-9));
    assertThat(s.f1()).isCloseTo(0.5, within(1e-9));
  }
}
