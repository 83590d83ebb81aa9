package dev.tributary.fetch;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class HostLimiterTest {
  static final Instant T0 = Instant.parse("2026-03-01T10:00:00Z");
  final MutableClock clock = new MutableClock(T0);

  HostLimiter limiter(int concurrency, Duration spacing, Duration maxWait) {
    return new HostLimiter(concurrency, spacing, maxWait, clock, clock);
  }

  static HostLimiter.Permit granted(HostLimiter.Admission a) {
    assertThat(a).isInstanceOf(HostLimiter.Granted.class);
    return ((HostLimiter.Granted) a).permit();
  }

  @Test
  void spacesStartsToOneHostAndLeavesOtherHostsAlone() throws Exception {
    HostLimiter l = limiter(2, Duration.ofSeconds(1), Duration.ofSeconds(30));
    granted(l.acquire("a.example")).close();
    assertThat(clock.instant()).isEqualTo(T0);
    granted(l.acquire("b.example")).close();
    assertThat(clock.instant()).isEqualTo(T0);
    granted(l.acquire("A.example")).close(); // host names are case-insensitive
    assertThat(clock.instant()).isEqualTo(T0.plusSeconds(1));
    granted(l.acquire("a.example")).close();
    assertThat(clock.instant()).isEqualTo(T0.plusSeconds(2));
  }

  @Test
  void defersWhenTheQueueForAHostIsLongerThanTheWaitBound() throws Exception {
    // the sleeper only records: as if the requests all arrived at the same moment
    List<Instant> sleeps = new ArrayList<>();
    HostLimiter l = new HostLimiter(10, Duration.ofSeconds(10), Duration.ofSeconds(15), clock, sleeps::add);
    HostLimiter.Permit first = granted(l.acquire("slow.example"));
    HostLimiter.Permit second = granted(l.acquire("slow.example"));
    assertThat(sleeps).containsExactly(T0.plusSeconds(10));
    HostLimiter.Admission third = l.acquire("slow.example");
    assertThat(third).isInstanceOf(HostLimiter.Deferred.class);
    assertThat(((HostLimiter.Deferred) third).notBefore()).isEqualTo(T0.plusSeconds(20));
    first.close();
    second.close();
  }

  @Test
  void concurrencyIsBoundedAndAFullHostIsDeferredAfterTheWait() throws Exception {
    HostLimiter l = limiter(1, Duration.ZERO, Duration.ofMillis(50));
    HostLimiter.Permit held = granted(l.acquire("one.example"));
    assertThat(l.acquire("one.example")).isInstanceOf(HostLimiter.Deferred.class);
    held.close();
    held.close(); // idempotent: must not create a second slot
    HostLimiter.Permit again = granted(l.acquire("one.example"));
    assertThat(l.acquire("one.example")).isInstanceOf(HostLimiter.Deferred.class);
    again.close();
  }

  @Test
  void pauseTurnsRequestsAwayUntilItEnds() throws Exception {
    HostLimiter l = limiter(2, Duration.ZERO, Duration.ofSeconds(30));
    assertThat(l.pausedUntil("p.example")).isEmpty();
    l.pause("p.example", T0.plusSeconds(60));
    l.pause("p.example", T0.plusSeconds(30)); // never shortened
    assertThat(l.pausedUntil("P.EXAMPLE")).contains(T0.plusSeconds(60));
    HostLimiter.Admission a = l.acquire("p.example");
    assertThat(a).isEqualTo(new HostLimiter.Deferred(T0.plusSeconds(60),
        ((HostLimiter.Deferred) a).reason()));
    clock.advance(Duration.ofSeconds(60));
    assertThat(l.pausedUntil("p.example")).isEmpty();
    granted(l.acquire("p.example")).close();
  }
}
