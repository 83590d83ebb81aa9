package dev.tributary.poll;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tributary.store.FetchRecord;
import dev.tributary.store.Schedule;
import dev.tributary.store.SourceState;
import dev.tributary.store.Validators;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class HealthChangeTest {
  private static final Instant T = Instant.parse("2026-03-01T10:00:00Z");

  @ParameterizedTest(name = "failures {0} parked {1} -> error {2} failures {3} parked {4}: {5}")
  @CsvSource(nullValues = "-", value = {
    // before: failures, parked | after: error, failures, parked | logged change
    "0, -,    -,         0, -,    -",
    "0, -,    HTTP 500,  1, -,    FAILING",
    "1, -,    HTTP 500,  2, -,    -",
    "3, -,    -,         0, -,    RECOVERED",
    "2, -,    HTTP 410,  3, gone, PARKED",
    "0, -,    HTTP 410,  1, gone, PARKED",
    "3, gone, HTTP 410,  4, gone, -",
    "3, gone, -,         0, -,    RECOVERED",
  })
  void onePerStateChange(int failuresBefore, String parkedBefore, String error, int failuresAfter,
      String parkedAfter, HealthChange expected) {
    SourceState before = new SourceState("s", "http://127.0.0.1/f", Validators.NONE,
        schedule(failuresBefore, parkedBefore), null);
    FetchRecord after = new FetchRecord(T, error == null ? 200 : 500, error, error == null ? null : "HTTP",
        Validators.NONE, null, null, schedule(failuresAfter, parkedAfter));
    assertThat(HealthChange.between(before, after)).isEqualTo(Optional.ofNullable(expected));
  }

  private static Schedule schedule(int failures, String parked) {
    Schedule.Status status = parked != null ? Schedule.Status.PARKED
        : failures > 0 ? Schedule.Status.BACKING_OFF : Schedule.Status.ACTIVE;
    return new Schedule(status, parked == null ? T.plusSeconds(60) : null, Duration.ofMinutes(30), failures, T,
        Schedule.Rhythm.UNKNOWN, parked);
  }
}
