package dev.tributary.story;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class HeapShareTest {
  private static final long MB = 1024 * 1024;

  @Test
  void theStoryIndexGrowsWithTheHeapBetweenItsBounds() {
    // the pod's heap (34 % of 512Mi; the JVM reports 179,961,856 bytes, one survivor space less)
    // indexes a 10,000-feed first cycle's 50,000 reports
    assertThat(ClusteringStoryEngine.capacityFor(179_961_856L)).isBetween(50_000, 55_000);
    assertThat(ClusteringStoryEngine.capacityFor(205 * MB)).isBetween(60_000, 65_000);
    assertThat(ClusteringStoryEngine.capacityFor(410 * MB)).isEqualTo(2 * ClusteringStoryEngine.capacityFor(205 * MB));
    assertThat(ClusteringStoryEngine.capacityFor(32 * MB)).isEqualTo(ClusteringStoryEngine.MIN_INDEXED);
    assertThat(ClusteringStoryEngine.capacityFor(8192 * MB)).isEqualTo(ClusteringStoryEngine.MAX_INDEXED);
  }

  @Test
  void entriesAreTheShareOfTheHeapOverTheirSizeClamped() {
    assertThat(HeapShare.entries(100 * MB, 0.1, 1024, 1, 1_000_000)).isEqualTo(10 * 1024);
    assertThat(HeapShare.entries(100 * MB, 0.1, 1024, 20_000, 1_000_000)).isEqualTo(20_000);
    assertThat(HeapShare.entries(100 * MB, 0.1, 1024, 1, 5_000)).isEqualTo(5_000);
  }

  @Test
  void aRegroupingIsBoundedByTheHeapAndNeverBeyondTheSetting() {
    // the pod's heap: a few thousand items, so that the copy and plan leave the collector room
    assertThat(ClusteringStoryEngine.regroupCapacityFor(179_961_856L, 12_000)).isBetween(3_500, 5_000);
    // a heap twice as large re-decides twice as many, up to the setting
    assertThat(ClusteringStoryEngine.regroupCapacityFor(2 * 179_961_856L, 12_000))
        .isEqualTo(2 * ClusteringStoryEngine.regroupCapacityFor(179_961_856L, 12_000));
    assertThat(ClusteringStoryEngine.regroupCapacityFor(8192 * MB, 12_000)).isEqualTo(12_000);
    // a tiny heap still regroups a floor of items; a setting below that floor wins
    assertThat(ClusteringStoryEngine.regroupCapacityFor(16 * MB, 12_000)).isEqualTo(1_000);
    assertThat(ClusteringStoryEngine.regroupCapacityFor(8192 * MB, 500)).isEqualTo(500);
  }
}
