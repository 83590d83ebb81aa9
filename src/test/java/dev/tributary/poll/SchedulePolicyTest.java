package dev.tributary.poll;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tributary.config.DefaultSettings;
import dev.tributary.fetch.CacheHints;
import dev.tributary.fetch.FailureKind;
import dev.tributary.fetch.FetchResult;
import dev.tributary.store.Schedule;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class SchedulePolicyTest {
  static final Instant T0 = Instant.parse("2026-03-01T10:00:00Z");
  static final Duration FIFTEEN = Duration.ofMinutes(15);

  final SchedulePolicy exact = new SchedulePolicy(DefaultSettings.schedule().withJitter(0), new SplittableRandom(1));

  static PollOutcome changed() {
    return new PollOutcome.Changed(CacheHints.NONE, null);
  }

  static PollOutcome unchanged() {
    return new PollOutcome.Unchanged(CacheHints.NONE, null);
  }

  static PollOutcome failure(FailureKind kind) {
    return new PollOutcome.Failure(kind, null, CacheHints.NONE, "boom");
  }

  @Test
  void newSourceIsDueAtOnceThenOnItsInterval() {
    Schedule s = Schedule.initial(T0);
    assertThat(s.nextDue()).isEqualTo(T0);
    s = exact.next(s, FIFTEEN, changed(), T0);
    assertThat(s.status()).isEqualTo(Schedule.Status.ACTIVE);
    assertThat(s.nextDue()).isEqualTo(T0.plus(FIFTEEN));
    assertThat(s.interval()).isEqualTo(FIFTEEN);
    assertThat(s.rhythm().lastChange()).isEqualTo(T0);
  }

  @Test
  void configuredIntervalBelowTheMinimumIsRaised() {
    Schedule s = exact.next(Schedule.initial(T0), Duration.ofSeconds(5), changed(), T0);
    assertThat(s.nextDue()).isEqualTo(T0.plus(Duration.ofMinutes(1)));
  }

  @Test
  void aFeedThatChangesRarelyIsPolledLessOftenWithinBounds() {
    Schedule s = Schedule.initial(T0);
    Instant t = T0;
    for (int i = 0; i < 6; i++) {
      s = exact.next(s, FIFTEEN, changed(), t);
      t = t.plus(Duration.ofHours(3));
    }
    // changes every 3 h: half of that, within [15 min, 15 min × 8]
    assertThat(s.rhythm().meanChangeInterval()).isEqualTo(Duration.ofHours(3));
    assertThat(s.interval()).isEqualTo(Duration.ofMinutes(90));

    // a long silence stretches it further, up to the cap of 8 × configured
    s = exact.next(s, FIFTEEN, unchanged(), t.plus(Duration.ofHours(10)));
    assertThat(s.interval()).isEqualTo(Duration.ofHours(2));
  }

  @Test
  void aBusyFeedIsNeverPolledFasterThanConfigured() {
    Schedule s = Schedule.initial(T0);
    Instant t = T0;
    for (int i = 0; i < 6; i++) {
      s = exact.next(s, FIFTEEN, changed(), t);
      t = t.plus(Duration.ofMinutes(2));
    }
    assertThat(s.interval()).isEqualTo(FIFTEEN);
  }

  @Test
  void rssTtlIsAFloorAndIsRememberedAcross304s() {
    Schedule s = exact.next(Schedule.initial(T0), FIFTEEN, new PollOutcome.Changed(CacheHints.NONE, 60), T0);
    assertThat(s.nextDue()).isEqualTo(T0.plus(Duration.ofMinutes(60)));
    Instant t1 = s.nextDue();
    s = exact.next(s, FIFTEEN, PollOutcome.of(new FetchResult.NotModified(URI.create("http://x/"), null, null, CacheHints.NONE), false, null), t1);
    assertThat(s.rhythm().ttlMinutes()).isEqualTo(60);
    assertThat(s.nextDue()).isEqualTo(t1.plus(Duration.ofMinutes(60)));
  }

  @Test
  void maxAgeAndExpiresPushTheNextPollOut() {
    Schedule s = exact.next(Schedule.initial(T0), FIFTEEN,
        new PollOutcome.Unchanged(new CacheHints(Duration.ofMinutes(40), null), null), T0);
    assertThat(s.nextDue()).isEqualTo(T0.plus(Duration.ofMinutes(40)));
    s = exact.next(Schedule.initial(T0), FIFTEEN,
        new PollOutcome.Unchanged(new CacheHints(Duration.ofMinutes(5), T0.plus(Duration.ofHours(2))), null), T0);
    assertThat(s.nextDue()).isEqualTo(T0.plus(Duration.ofHours(2)));
    // a short max-age never makes polling faster than the interval
    s = exact.next(Schedule.initial(T0), FIFTEEN, new PollOutcome.Unchanged(new CacheHints(Duration.ofSeconds(10), null), null), T0);
    assertThat(s.nextDue()).isEqualTo(T0.plus(FIFTEEN));
  }

  @Test
  void absurdFloorsAreCappedSoPollingNeverStops() {
    Schedule s = exact.next(Schedule.initial(T0), FIFTEEN,
        new PollOutcome.Unchanged(new CacheHints(Duration.ofDays(365), T0.plus(Duration.ofDays(400))), 100_000), T0);
    assertThat(s.nextDue()).isEqualTo(T0.plus(Duration.ofHours(24)));
  }

  @Test
  void failuresBackOffExponentiallyToACapAndNeverStop() {
    Schedule s = exact.next(Schedule.initial(T0), FIFTEEN, changed(), T0);
    Instant t = s.nextDue();
    List<Duration> delays = new ArrayList<>();
    for (int i = 0; i < 9; i++) {
      s = exact.next(s, FIFTEEN, failure(FailureKind.HTTP_ERROR), t);
      delays.add(Duration.between(t, s.nextDue()));
      t = s.nextDue();
    }
    assertThat(delays).containsExactly(
        Duration.ofMinutes(15), Duration.ofMinutes(30), Duration.ofHours(1), Duration.ofHours(2),
        Duration.ofHours(4), Duration.ofHours(6), Duration.ofHours(6), Duration.ofHours(6), Duration.ofHours(6));
    assertThat(s.status()).isEqualTo(Schedule.Status.BACKING_OFF);
    assertThat(s.failures()).isEqualTo(9);

    s = exact.next(s, FIFTEEN, unchanged(), t);
    assertThat(s.status()).isEqualTo(Schedule.Status.ACTIVE);
    assertThat(s.failures()).isZero();
    assertThat(s.nextDue()).isAfter(t);
  }

  @Test
  void throttlingHonoursRetryAfter() {
    Schedule s = exact.next(Schedule.initial(T0), FIFTEEN,
        new PollOutcome.Failure(FailureKind.THROTTLED, Duration.ofHours(3), CacheHints.NONE, "429"), T0);
    assertThat(s.nextDue()).isEqualTo(T0.plus(Duration.ofHours(3)));
    assertThat(s.failures()).isEqualTo(1);
  }

  @Test
  void goneParksTheSourceWithAReasonUntilUnparked() {
    Schedule s = exact.next(Schedule.initial(T0), FIFTEEN,
        PollOutcome.of(new FetchResult.Failed(FailureKind.GONE, 410, "HTTP 410 Gone", null, CacheHints.NONE), false, null), T0);
    assertThat(s.status()).isEqualTo(Schedule.Status.PARKED);
    assertThat(s.nextDue()).isNull();
    assertThat(s.parkedReason()).contains("410");
    assertThat(exact.deferTo(s, T0.plusSeconds(60))).isSameAs(s);

    s = exact.unpark(s, T0.plusSeconds(3600));
    assertThat(s.status()).isEqualTo(Schedule.Status.ACTIVE);
    assertThat(s.nextDue()).isEqualTo(T0.plusSeconds(3600));
    assertThat(s.parkedReason()).isNull();
  }

  @Test
  void deferredFetchesCountNoFailure() {
    Schedule s = exact.next(Schedule.initial(T0), FIFTEEN, changed(), T0);
    s = exact.next(s, FIFTEEN, new PollOutcome.Failure(FailureKind.DEFERRED, Duration.ofMinutes(7), CacheHints.NONE, "host paused"), T0.plus(FIFTEEN));
    assertThat(s.failures()).isZero();
    assertThat(s.status()).isEqualTo(Schedule.Status.ACTIVE);
    assertThat(s.nextDue()).isEqualTo(T0.plus(FIFTEEN).plus(Duration.ofMinutes(7)));
  }

  @Test
  void deferToPushesPastAHostPause() {
    Schedule s = exact.next(Schedule.initial(T0), FIFTEEN, changed(), T0);
    Schedule pushed = exact.deferTo(s, T0.plus(Duration.ofHours(1)));
    assertThat(pushed.nextDue()).isEqualTo(T0.plus(Duration.ofHours(1)));
    assertThat(exact.deferTo(s, T0.plusSeconds(1))).isSameAs(s);
  }

  @Test
  void jitterIsDeterministicBoundedAndSpreadsSources() {
    ScheduleSettings withJitter = DefaultSettings.schedule();
    Set<Instant> dues = new HashSet<>();
    for (int seed = 0; seed < 100; seed++) {
      Schedule a = new SchedulePolicy(withJitter, new SplittableRandom(seed)).next(Schedule.initial(T0), FIFTEEN, changed(), T0);
      Schedule b = new SchedulePolicy(withJitter, new SplittableRandom(seed)).next(Schedule.initial(T0), FIFTEEN, changed(), T0);
      assertThat(a).isEqualTo(b);
      assertThat(a.nextDue()).isBetween(T0.plus(Duration.ofSeconds(810)), T0.plus(Duration.ofSeconds(990)));
      dues.add(a.nextDue());
    }
    assertThat(dues).hasSizeGreaterThan(90);
  }
}
