package dev.tributary.story;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class HeapShareTest {
  private static final long MB = 1024 * 1024;

  @Test
  void theStoryIndexGrowsWithTheOldGenerationBetweenItsBounds() {
    // the pod's heap (28 % of 512Mi with NewRatio=5, or 31 % with NewRatio=3; serial collector): the JVM reports an old
    // generation of 125,829,120 bytes, which indexes a 10,000-feed first cycle's 50,000 reports
    assertThat(ClusteringStoryEngine.capacityFor(125_829_120L)).isBetween(52_500, 56_000);
    // the former pod's heap (34 %): 132 MB of old generation, more than the 53,500 it indexed
    assertThat(ClusteringStoryEngine.capacityFor(138_412_032L)).isBetween(58_000, 62_000);
    assertThat(ClusteringStoryEngine.capacityFor(200 * MB)).isEqualTo(2 * ClusteringStoryEngine.capacityFor(100 * MB));
    assertThat(ClusteringStoryEngine.capacityFor(32 * MB)).isEqualTo(ClusteringStoryEngine.MIN_INDEXED);
    assertThat(ClusteringStoryEngine.capacityFor(8192 * MB)).isEqualTo(ClusteringStoryEngine.MAX_INDEXED);
    assertThat(ClusteringStoryEngine.capacity()).isBetween(ClusteringStoryEngine.MIN_INDEXED, ClusteringStoryEngine.MAX_INDEXED);
  }

  @Test
  void theOldGenerationIsTheCollectorsBoundWhereItHasOneBelowTheHeap() {
    // serial or parallel: the old pool's own maximum
    assertThat(HeapShare.oldGeneration(160 * MB, 120 * MB)).isEqualTo(120 * MB);
    // G1 reports the whole heap as its old pool's maximum, a collector without one reports none:
    // the serial collector's three quarters at NewRatio=3 is assumed
    assertThat(HeapShare.oldGeneration(160 * MB, 160 * MB)).isEqualTo(120 * MB);
    assertThat(HeapShare.oldGeneration(160 * MB, -1)).isEqualTo(120 * MB);
    assertThat(HeapShare.oldGeneration()).isPositive().isLessThanOrEqualTo(Runtime.getRuntime().maxMemory());
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
