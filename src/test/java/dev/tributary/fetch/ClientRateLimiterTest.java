package dev.tributary.fetch;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** Preview flooding from one client, and from very many (issue 17). */
class ClientRateLimiterTest {
  final MutableClock clock = new MutableClock(Instant.parse("2026-03-01T10:00:00Z"));

  @Test
  void oneClientGetsItsBudgetPerWindow() {
    ClientRateLimiter l = new ClientRateLimiter(3, Duration.ofMinutes(1), clock);
    assertThat(l.tryAcquire("a")).isTrue();
    assertThat(l.tryAcquire("a")).isTrue();
    assertThat(l.tryAcquire("a")).isTrue();
    assertThat(l.tryAcquire("a")).isFalse();
    assertThat(l.tryAcquire("b")).isTrue();
    clock.advance(Duration.ofSeconds(61));
    assertThat(l.tryAcquire("a")).isTrue();
  }

  @Test
  void countedEventsExhaustTheBudgetUntilTheWindowEnds() {
    ClientRateLimiter l = new ClientRateLimiter(2, Duration.ofMinutes(1), clock);
    assertThat(l.exhaustedFor("a")).isEmpty();
    l.count("a");
    clock.advance(Duration.ofSeconds(10));
    assertThat(l.exhaustedFor("a")).isEmpty();
    l.count("a");
    assertThat(l.exhaustedFor("a")).contains(Duration.ofSeconds(50));
    assertThat(l.tryAcquire("a")).isFalse();
    clock.advance(Duration.ofSeconds(50));
    assertThat(l.exhaustedFor("a")).isEmpty();
  }

  @Test
  void rotatingClientsDoNotGrowTheTable() {
    ClientRateLimiter l = new ClientRateLimiter(3, Duration.ofMinutes(1), clock);
    for (int i = 0; i < 50_000; i++) {
      l.tryAcquire("2001:db8::" + Integer.toHexString(i));
    }
    assertThat(l.size()).isEqualTo(ClientRateLimiter.MAX_CLIENTS);
  }
}
