package dev.tributary.parse;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;

class DateParserTest {
  /**
   * "YYOOO" ordinal dates are not supported on purpose: a 5-digit string is as likely to be
   * something else ("22013" must not become a date), and a guessed date is worse than none.
   */
  private static final Set<String> UNSUPPORTED = Set.of("03335");

  static Stream<Arguments> vectors() throws IOException {
    JsonNode vectors = TestCorpus.API_JSON.readTree(TestCorpus.feeds().resolve("feedparser-date-vectors.json").toFile());
    List<Arguments> out = new ArrayList<>();
    for (JsonNode v : vectors) {
      String input = v.get("input").asText();
      if (!UNSUPPORTED.contains(input)) {
        out.add(Arguments.of(v.get("parser").asText(), input,
            v.get("expected_invalid").asBoolean() ? null : v.get("expected_utc").asText()));
      }
    }
    return out.stream();
  }

  @ParameterizedTest(name = "{0}: \"{1}\" -> {2}")
  @MethodSource("vectors")
  void readsFeedparserVectors(String parser, String input, String expected) {
    Instant parsed = DateParser.parse(input);
    if (expected == null) {
      assertThat(parsed).isNull();
    } else {
      assertThat(parsed).isEqualTo(Instant.parse(padYear(expected)));
    }
  }

  @ParameterizedTest
  @CsvSource(delimiter = '|', value = {
    "Tue, 10 Jun 2003 04:00:00 GMT|2003-06-10T04:00:00Z",
    "Tue, 10 Jun 2003 04:00:00 +0400|2003-06-10T00:00:00Z",
    "10 Jun 2003 04:00 EST|2003-06-10T09:00:00Z",
    "2025-03-14T10:00:00+04:00|2025-03-14T06:00:00Z",
    "2025-03-14T10:00:00.123456Z|2025-03-14T10:00:00Z",
    "20250314T100000Z|2025-03-14T10:00:00Z",
    "Fri, 14 Mar 2025 10:00:00 MSK|2025-03-14T07:00:00Z",
  })
  void readsRealWorldVariants(String input, String expected) {
    assertThat(DateParser.parse(input)).isEqualTo(Instant.parse(expected));
  }

  @ParameterizedTest
  @CsvSource(delimiter = '|', value = {"yesterday", "32 Jan 2024", "2024-13-01", "Fri, 14 Foo 2025", "12345678901234567890"})
  void unreadableIsNull(String input) {
    assertThat(DateParser.parse(input)).isNull();
  }

  /** The vectors print years below 1000 without padding ("99-12-31T…"). */
  private static String padYear(String iso) {
    int dash = iso.indexOf('-');
    return dash >= 4 ? iso : "0".repeat(4 - dash) + iso;
  }
}
