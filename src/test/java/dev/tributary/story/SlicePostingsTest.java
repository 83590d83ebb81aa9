package dev.tributary.story;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class SlicePostingsTest {

  private static int[] positions(SlicePostings p, int key) {
    int slot = p.find(key);
    int[] out = new int[p.count(slot)];
    for (int i = 0; i < out.length; i++) {
      out[i] = p.position(slot, i + 1);
      // the lists as the lookup reads them say the same
      int read = p.narrowList(slot) != null ? p.narrowList(slot)[i + 1] : p.wideList(slot)[i + 1];
      assertThat(read).isEqualTo(out[i]);
    }
    return out;
  }

  @Test
  void keepsEachKeysPositionsInInsertionOrderThroughGrowth() {
    SlicePostings p = new SlicePostings();
    for (int position = 0; position < 200; position++) {
      p.add(position % 50, position);
    }
    assertThat(positions(p, 7)).containsExactly(7, 57, 107, 157);
    assertThat(positions(p, 999)).isEmpty();
    p.removeLast(7, 157);
    assertThat(positions(p, 7)).containsExactly(7, 57, 107);
  }

  @Test
  void aSnapshotKeepsThePostingsOfItsMomentWhileTheLiveOnesGoOn() {
    SlicePostings live = new SlicePostings();
    live.add(1, 0);
    live.add(2, 0);
    live.add(1, 1);
    live.add(1, 2); // list of key 1 now has spare room: later adds write into the shared array
    SlicePostings snapshot = SlicePostings.snapshotOf(live);

    live.add(1, 3);
    live.add(3, 3);
    for (int position = 4; position < 100; position++) {
      live.add(position, position); // new keys: the live table grows and rehashes
    }
    assertThat(positions(snapshot, 1)).containsExactly(0, 1, 2);
    assertThat(positions(snapshot, 2)).containsExactly(0);
    assertThat(positions(snapshot, 3)).isEmpty();
    assertThat(positions(live, 1)).containsExactly(0, 1, 2, 3);
    assertThat(positions(live, 50)).containsExactly(50);
  }

  @Test
  void anUndoneAddDoesNotOverwriteWhatASnapshotReads() {
    SlicePostings live = new SlicePostings();
    live.add(5, 0);
    live.add(5, 1);
    live.add(5, 2);
    SlicePostings snapshot = SlicePostings.snapshotOf(live);
    // the newest entry taken back and another added at its position in the live postings
    live.removeLast(5, 2);
    live.removeLast(5, 1);
    live.add(5, 7);
    live.add(5, 8);
    assertThat(positions(live, 5)).containsExactly(0, 7, 8);
    assertThat(positions(snapshot, 5)).containsExactly(0, 1, 2);
  }

  @Test
  void aTrimmedLiveListLeavesTheSnapshotItsOwn() {
    SlicePostings live = new SlicePostings();
    for (int position = 0; position < 5; position++) {
      live.add(9, position);
    }
    SlicePostings snapshot = SlicePostings.snapshotOf(live);
    live.trim();
    live.removeLast(9, 4);
    live.add(9, 40);
    assertThat(positions(snapshot, 9)).containsExactly(0, 1, 2, 3, 4);
    assertThat(positions(live, 9)).containsExactly(0, 1, 2, 3, 40);
  }

  @Test
  void aSnapshotIsReadOnly() {
    SlicePostings live = new SlicePostings();
    live.add(1, 0);
    SlicePostings snapshot = SlicePostings.snapshotOf(live);
    assertThatThrownBy(() -> snapshot.add(1, 1)).isInstanceOf(IllegalStateException.class);
    assertThatThrownBy(() -> snapshot.removeLast(1, 0)).isInstanceOf(IllegalStateException.class);
    assertThatThrownBy(() -> SlicePostings.snapshotOf(snapshot)).isInstanceOf(IllegalStateException.class);
  }

  @Test
  void aDayPastSixteenBitPositionsWidensEveryListAndKeepsThem() {
    SlicePostings live = new SlicePostings();
    for (int position = 0; position < SlicePostings.NARROW_LIMIT; position++) {
      live.add(position % 3, position);
    }
    assertThat(live.isWide()).isFalse();
    SlicePostings snapshot = SlicePostings.snapshotOf(live);
    live.add(1, SlicePostings.NARROW_LIMIT);
    live.add(7, SlicePostings.NARROW_LIMIT + 70_000);
    assertThat(live.isWide()).isTrue();
    int[] ones = positions(live, 1);
    assertThat(ones).hasSize(SlicePostings.NARROW_LIMIT / 3 + 1);
    assertThat(ones[0]).isEqualTo(1);
    assertThat(ones[ones.length - 2]).isEqualTo(SlicePostings.NARROW_LIMIT - 2);
    assertThat(ones[ones.length - 1]).isEqualTo(SlicePostings.NARROW_LIMIT);
    assertThat(positions(live, 7)).containsExactly(SlicePostings.NARROW_LIMIT + 70_000);
    live.removeLast(1, SlicePostings.NARROW_LIMIT);
    assertThat(positions(live, 1)).hasSize(SlicePostings.NARROW_LIMIT / 3);
    // the snapshot, taken narrow, still reads its own lists
    assertThat(positions(snapshot, 1)).hasSize(SlicePostings.NARROW_LIMIT / 3);
    assertThat(positions(snapshot, 7)).isEmpty();
  }
}
