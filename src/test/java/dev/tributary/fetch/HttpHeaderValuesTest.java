package dev.tributary.fetch;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class HttpHeaderValuesTest {
  static final Instant NOW = Instant.parse("2026-03-01T10:00:00Z");

  @Test
  void cacheControlMaxAge() {
    assertThat(HttpHeaderValues.maxAge("public, max-age=600")).isEqualTo(Duration.ofMinutes(10));
    assertThat(HttpHeaderValues.maxAge("MAX-AGE=\"30\", must-revalidate")).isEqualTo(Duration.ofSeconds(30));
    assertThat(HttpHeaderValues.maxAge("no-cache")).isNull();
    assertThat(HttpHeaderValues.maxAge("max-age=-5")).isNull();
    assertThat(HttpHeaderValues.maxAge("max-age=soon")).isNull();
    assertThat(HttpHeaderValues.maxAge(null)).isNull();
  }

  @Test
  void expiresAndJunk() {
    assertThat(HttpHeaderValues.cacheHints(null, "Sun, 01 Mar 2026 11:00:00 GMT"))
        .isEqualTo(new CacheHints(null, Instant.parse("2026-03-01T11:00:00Z")));
    assertThat(HttpHeaderValues.cacheHints(null, "0")).isEqualTo(CacheHints.NONE);
    assertThat(HttpHeaderValues.cacheHints("", "-1")).isSameAs(CacheHints.NONE);
  }

  @Test
  void retryAfterAsSecondsOrDate() {
    assertThat(HttpHeaderValues.retryAfter("120", NOW)).isEqualTo(Duration.ofSeconds(120));
    assertThat(HttpHeaderValues.retryAfter("Sun, 01 Mar 2026 10:05:00 GMT", NOW)).isEqualTo(Duration.ofMinutes(5));
    assertThat(HttpHeaderValues.retryAfter("Sun, 01 Mar 2026 09:00:00 GMT", NOW)).isEqualTo(Duration.ZERO);
    assertThat(HttpHeaderValues.retryAfter("whenever", NOW)).isNull();
    assertThat(HttpHeaderValues.retryAfter(null, NOW)).isNull();
  }
}
