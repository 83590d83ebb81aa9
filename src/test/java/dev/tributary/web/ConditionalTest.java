package dev.tributary.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import org.junit.jupiter.api.Test;

class ConditionalTest {
  private static final Instant LM = Instant.parse("2026-11-25T10:00:00Z");

  @Test
  void etags() {
    assertThat(Conditional.notModified("\"a\"", null, "\"a\"", LM)).isTrue();
    assertThat(Conditional.notModified("W/\"a\"", null, "\"a\"", LM)).isTrue();
    assertThat(Conditional.notModified("\"x\", \"a\"", null, "\"a\"", LM)).isTrue();
    assertThat(Conditional.notModified("*", null, "\"a\"", LM)).isTrue();
    assertThat(Conditional.notModified("\"b\"", null, "\"a\"", LM)).isFalse();
  }

  @Test
  void ifNoneMatchWinsOverDates() {
    assertThat(Conditional.notModified("\"b\"", "Wed, 25 Nov 2026 10:00:00 GMT", "\"a\"", LM)).isFalse();
  }

  @Test
  void dates() {
    assertThat(Conditional.notModified(null, "Wed, 25 Nov 2026 10:00:00 GMT", "\"a\"", LM)).isTrue();
    assertThat(Conditional.notModified(null, "Wed, 25 Nov 2026 11:00:00 GMT", "\"a\"", LM)).isTrue();
    assertThat(Conditional.notModified(null, "Wed, 25 Nov 2026 09:59:59 GMT", "\"a\"", LM)).isFalse();
    assertThat(Conditional.notModified(null, "yesterday", "\"a\"", LM)).isFalse();
    assertThat(Conditional.notModified(null, null, "\"a\"", LM)).isFalse();
  }
}
