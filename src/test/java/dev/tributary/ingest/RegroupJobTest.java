package dev.tributary.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** When a due regrouping runs: at the first quiet moment, or after the delay however busy. */
class RegroupJobTest {
  private static final Instant NOW = Instant.parse("2030-01-01T12:00:00Z");
  private static final Duration QUIET = Duration.ofSeconds(1);
  private static final Duration MAX_DELAY = Duration.ofMinutes(5);

  @Test
  void waitsWhileItemsAreStillArriving() {
    assertThat(RegroupJob.timeToRun(NOW, false, NOW.minusMillis(200), NOW.minusSeconds(10), QUIET, MAX_DELAY)).isFalse();
  }

  @Test
  void runsOnceIngestionHasBeenQuiet() {
    assertThat(RegroupJob.timeToRun(NOW, false, NOW.minusSeconds(1), NOW.minusSeconds(10), QUIET, MAX_DELAY)).isTrue();
  }

  @Test
  void waitsWhileAFeedIsBeingIngestedHoweverLongAgoTheLastAssignment() {
    assertThat(RegroupJob.timeToRun(NOW, true, NOW.minusSeconds(30), NOW.minusSeconds(30), QUIET, MAX_DELAY)).isFalse();
    assertThat(RegroupJob.timeToRun(NOW, true, NOW.minusSeconds(30), NOW.minus(MAX_DELAY), QUIET, MAX_DELAY)).isTrue();
  }

  @Test
  void runsAfterTheDelayHoweverBusy() {
    assertThat(RegroupJob.timeToRun(NOW, false, NOW, NOW.minus(MAX_DELAY), QUIET, MAX_DELAY)).isTrue();
    assertThat(RegroupJob.timeToRun(NOW, false, NOW, NOW.minus(MAX_DELAY).plusSeconds(1), QUIET, MAX_DELAY)).isFalse();
  }
}
