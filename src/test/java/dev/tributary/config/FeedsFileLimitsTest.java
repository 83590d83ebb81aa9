package dev.tributary.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Hostile or mistaken feeds files (issue 17): an interval that overflows the scheduler, and a
 * file padded with megabytes of comment, are refused with a clear message instead of crashing the
 * poll or keeping YAML busy for a minute.
 */
class FeedsFileLimitsTest {
  private static final String SOURCE = "sources:\n  - id: a\n    url: https://a.example/f\n    interval: %s\n";

  @ParameterizedTest
  @ValueSource(strings = {"PT9223372036854775807S", "8d", "999999999d", "P365D"})
  void intervalsBeyondAWeekAreRefused(String interval) {
    var result = FeedsConfigParser.parse("feeds.yaml", SOURCE.formatted(interval));
    assertThat(result).isInstanceOf(LoadResult.Invalid.class);
    assertThat(((LoadResult.Invalid) result).describe()).contains("feeds.yaml:4:15").contains("too long: at most 7d");
  }

  @ParameterizedTest
  @ValueSource(strings = {"7d", "PT168H", "30s"})
  void intervalsWithinBoundsLoad(String interval) {
    assertThat(FeedsConfigParser.parse("feeds.yaml", SOURCE.formatted(interval))).isInstanceOf(LoadResult.Loaded.class);
  }

  @Test
  void aHugeCommentIsRefusedBeforeParsing(@TempDir Path dir) throws IOException {
    Path file = dir.resolve("feeds.yaml");
    String comment = "# " + "x".repeat(10 * 1024 * 1024) + "\n";
    Files.writeString(file, comment + SOURCE.formatted("15m"));
    assertThatThrownBy(() -> FeedsConfigParser.read(file)).isInstanceOf(IOException.class)
        .hasMessageContaining("at most " + FeedsConfigParser.MAX_BYTES);
    var result = FeedsConfigParser.parse("feeds.yaml", comment);
    assertThat(result).isInstanceOf(LoadResult.Invalid.class);
    assertThat(((LoadResult.Invalid) result).describe()).contains("feeds.yaml").contains("bytes; at most");
  }

  @Test
  void aFileJustUnderTheLimitStillLoads(@TempDir Path dir) throws IOException {
    Path file = dir.resolve("feeds.yaml");
    String body = SOURCE.formatted("15m");
    Files.writeString(file, "# " + "x".repeat(FeedsConfigParser.MAX_BYTES - body.length() - 3) + "\n" + body);
    assertThat(FeedsConfigParser.parse("feeds.yaml", FeedsConfigParser.read(file))).isInstanceOf(LoadResult.Loaded.class);
  }
}
