package dev.tributary.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class CatchUpWhileWaitingTest {

  /** A lock another replica holds for {@code busyTries} tries; records what the waiter did, in order. */
  private static final class Busy implements CatchUpWhileWaiting.Lock {
    final List<String> steps = new ArrayList<>();
    int busyTries;

    Busy(int busyTries) {
      this.busyTries = busyTries;
    }

    @Override
    public boolean tryAcquire() {
      steps.add("try");
      return busyTries-- <= 0;
    }

    @Override
    public void acquire() {
      steps.add("wait");
    }
  }

  @Test
  void aFreeLockIsTakenAfterOneCatchUpThatFoundNothing() {
    Busy lock = new Busy(0);
    int caught = CatchUpWhileWaiting.acquire(lock, () -> fail(lock), () -> lock.steps.add("pause"), 5);
    assertThat(caught).isZero();
    assertThat(lock.steps).containsExactly("catch-up", "try");
  }

  @Test
  void aHolderThatLetGoWhileTheBatchWasDecidedIsCaughtUpOnBeforeTheTry() {
    Busy lock = new Busy(0);
    int[] found = {5, 0};
    int[] round = {0};
    int caught = CatchUpWhileWaiting.acquire(lock, () -> {
      lock.steps.add("catch-up");
      return found[round[0]++];
    }, () -> lock.steps.add("pause"), 5);
    assertThat(caught).isEqualTo(5);
    assertThat(lock.steps).containsExactly("catch-up", "catch-up", "try");
  }

  @Test
  void whileTheLockIsHeldTheWaiterTriesOnlyRightAfterACatchUpThatFoundNothingAndPausesBeforeTheNext() {
    Busy lock = new Busy(2);
    int[] found = {0, 4, 0, 2, 0};
    int[] round = {0};
    int caught = CatchUpWhileWaiting.acquire(lock, () -> {
      lock.steps.add("catch-up");
      return found[round[0]++];
    }, () -> lock.steps.add("pause"), 10);
    assertThat(caught).isEqualTo(6);
    assertThat(lock.steps).containsExactly(
        "catch-up", "try", "pause", "catch-up", "catch-up", "try", "pause", "catch-up", "catch-up", "try");
  }

  @Test
  void afterItsRoundsTheWaiterQueuesForTheLock() {
    Busy lock = new Busy(Integer.MAX_VALUE);
    int caught = CatchUpWhileWaiting.acquire(lock, () -> {
      lock.steps.add("catch-up");
      return 0;
    }, () -> lock.steps.add("pause"), 2);
    assertThat(caught).isZero();
    assertThat(lock.steps).containsExactly("catch-up", "try", "pause", "catch-up", "try", "pause", "catch-up", "try", "wait");
  }

  @Test
  void aWaiterThatKeepsFindingNewReportsQueuesAfterItsRoundsToo() {
    Busy lock = new Busy(Integer.MAX_VALUE);
    int caught = CatchUpWhileWaiting.acquire(lock, () -> {
      lock.steps.add("catch-up");
      return 1;
    }, () -> lock.steps.add("pause"), 2);
    assertThat(caught).isEqualTo(3);
    assertThat(lock.steps).containsExactly("catch-up", "catch-up", "catch-up", "wait");
  }

  private static int fail(Busy lock) {
    lock.steps.add("catch-up");
    return 0;
  }
}
