package dev.tributary.fetch;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/**
 * Host-name flooding (issue 17): 70,000 previews of unique host names left 70,000 entries in the
 * limiter for ever. Idle entries now expire once the map is past its bound, while hosts with a
 * request in flight, a spacing still running or a Retry-After pause keep their state.
 */
class HostLimiterBoundTest {
  final MutableClock clock = new MutableClock(Instant.parse("2026-03-01T10:00:00Z"));

  @Test
  void uniqueHostNamesDoNotAccumulate() throws Exception {
    HostLimiter l = new HostLimiter(2, Duration.ofMillis(250), Duration.ofSeconds(5), clock, clock);
    for (int i = 0; i < 70_000; i++) {
      HostLimiterTest.granted(l.acquire("h" + i + ".example")).close();
      clock.advance(Duration.ofMillis(1));
    }
    assertThat(l.size()).isLessThanOrEqualTo(HostLimiter.PURGE_ABOVE + 1);
  }

  @Test
  void busySpacedAndPausedHostsKeepTheirState() throws Exception {
    HostLimiter l = new HostLimiter(1, Duration.ofSeconds(10), Duration.ofMillis(50), clock, clock);
    HostLimiter.Permit inFlight = HostLimiterTest.granted(l.acquire("busy.example"));
    l.pause("paused.example", clock.instant().plus(Duration.ofHours(1)));
    HostLimiterTest.granted(l.acquire("spaced.example")).close();
    l.purgeIdle();
    assertThat(l.size()).isEqualTo(3);
    assertThat(l.pausedUntil("paused.example")).isPresent();
    // the in-flight host still allows only one request at a time after a purge
    assertThat(l.acquire("busy.example")).isInstanceOf(HostLimiter.Deferred.class);
    inFlight.close();
    clock.advance(Duration.ofSeconds(11));
    l.purgeIdle();
    assertThat(l.size()).isEqualTo(1); // only the paused host remains
    assertThat(l.pausedUntil("paused.example")).isPresent();
  }
}
