package dev.tributary.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

class FailedLoginsTest {
  private final AtomicReference<Instant> now = new AtomicReference<>(Instant.parse("2026-12-06T10:00:00Z"));
  private final InstantSource clock = () -> now.get();

  @Test
  void aClientIsRefusedOnceItsWrongTokensReachTheBudgetUntilTheMinuteEnds() {
    FailedLogins logins = new FailedLogins(3, clock);
    for (int i = 0; i < 3; i++) {
      assertThat(logins.refusedFor("203.0.113.5")).isEmpty();
      logins.failed("203.0.113.5");
      now.set(now.get().plusSeconds(5));
    }
    assertThat(logins.refusedFor("203.0.113.5")).contains(Duration.ofSeconds(45));
    assertThat(logins.refusedFor("198.51.100.7")).as("another address has its own budget").isEmpty();
    now.set(Instant.parse("2026-12-06T10:01:00Z"));
    assertThat(logins.refusedFor("203.0.113.5")).as("a new minute, a new budget").isEmpty();
  }

  @Test
  void failuresSpreadOverMinutesNeverAddUp() {
    FailedLogins logins = new FailedLogins(3, clock);
    for (int i = 0; i < 10; i++) {
      logins.failed("203.0.113.5");
      logins.failed("203.0.113.5");
      now.set(now.get().plusSeconds(61));
      assertThat(logins.refusedFor("203.0.113.5")).isEmpty();
    }
  }
}
