package dev.tributary.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class FeedsConfigParserTest {
  private static final String GOOD = """
      defaults:
        interval: 20m
      sources:
        - id: civil-ge
          url: https://civil.ge/feed
          title: Civil.ge
          language: EN
          tags: [georgia, politics]
          interval: 5m
        - id: news-am
          url: https://news.am/eng/rss/
          tags: [armenia]
      channels:
        - id: south-caucasus
          title: South Caucasus
          description: everything
          tags: [georgia, armenia]
        - id: georgia
          sources: [civil-ge]
          language: EN-gb
      """;

  @Test
  void readsTheContractExample() {
    FeedsConfig config = loaded(GOOD);
    assertThat(config.sources()).extracting(SourceConfig::id).containsExactly("civil-ge", "news-am");
    SourceConfig civil = config.source("civil-ge").orElseThrow();
    assertThat(civil.interval()).isEqualTo(Duration.ofMinutes(5));
    assertThat(civil.language()).isEqualTo("en");
    assertThat(config.source("news-am").orElseThrow().interval()).isEqualTo(Duration.ofMinutes(20));
    assertThat(config.sourceIdsOf(config.channel("south-caucasus").orElseThrow())).containsExactly("civil-ge", "news-am");
    assertThat(config.sourceIdsOf(config.channel("georgia").orElseThrow())).containsExactly("civil-ge");
    assertThat(config.channel("georgia").orElseThrow().title()).isEqualTo("georgia");
    assertThat(config.channel("georgia").orElseThrow().language()).isEqualTo("en-gb");
    assertThat(config.channel("south-caucasus").orElseThrow().language()).isNull();
  }

  @Test
  void shippedFeedsFileIsValidAndRegional() {
    var result = FeedsConfigParser.parse("feeds.yaml", read("feeds.yaml"));
    assertThat(result).isInstanceOf(LoadResult.Loaded.class);
    FeedsConfig config = ((LoadResult.Loaded) result).config();
    assertThat(config.sources()).hasSizeGreaterThanOrEqualTo(12);
    assertThat(config.channels()).extracting(ChannelConfig::id)
        .contains("south-caucasus", "georgia", "armenia", "azerbaijan");
    for (ChannelConfig c : config.channels()) {
      assertThat(config.sourceIdsOf(c)).as(c.id()).isNotEmpty();
    }
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', textBlock = """
      unknown top key      | sources: []\\nchannel: []                                              | 2 | 1 | unknown key 'channel'
      unknown source key   | sources:\\n  - id: a\\n    url: https://a.example/f\\n    intervl: 5m | 4 | 5 | unknown key 'intervl'
      duplicate id         | sources:\\n  - id: a\\n    url: https://a.example/f\\n  - id: a\\n    url: https://b.example/f | 4 | 9 | duplicate source id 'a'
      unknown source       | sources: []\\nchannels:\\n  - id: c\\n    sources: [ghost]              | 4 | 15 | unknown source 'ghost'
      bad url scheme       | sources:\\n  - id: a\\n    url: ftp://a.example/f                     | 3 | 10 | only http and https
      bad url syntax       | sources:\\n  - id: a\\n    url: 'https://a b/'                        | 3 | 10 | bad URL
      bad id               | sources:\\n  - id: A_1\\n    url: https://a.example/f                 | 2 | 9 | bad source id
      bad interval         | sources:\\n  - id: a\\n    url: https://a.example/f\\n    interval: soon | 4 | 15 | bad interval
      bad channel language | sources: []\\nchannels:\\n  - id: c\\n    language: english!        | 4 | 15 | language must be a language tag
      missing url          | sources:\\n  - id: a                                                 | 2 | 5 | needs a 'url'
      yaml syntax          | sources:\\n  - id: a\\n    url: [unclosed                             | 3 | 19 | YAML error
      """)
  void refusesBrokenFilesWithPosition(String name, String yaml, int line, int column, String message) {
    var result = FeedsConfigParser.parse("feeds.yaml", yaml.replace("\\n", "\n"));
    assertThat(result).isInstanceOf(LoadResult.Invalid.class);
    List<ConfigError> errors = ((LoadResult.Invalid) result).errors();
    assertThat(errors).anySatisfy(e -> {
      assertThat(e.file()).isEqualTo("feeds.yaml");
      assertThat(e.message()).contains(message);
      assertThat(e.line()).isEqualTo(line);
      assertThat(e.column()).isEqualTo(column);
    });
  }

  @Test
  void errorMessageNamesFileLineAndColumn() {
    var result = (LoadResult.Invalid) FeedsConfigParser.parse("/etc/tributary/feeds.yaml", "sources:\n  - id: x\n    urll: y\n");
    assertThat(result.describe()).contains("/etc/tributary/feeds.yaml:3:5: unknown key 'urll'");
  }

  @Test
  void aliasBombsAreRefused() {
    StringBuilder yaml = new StringBuilder("a: &a [x, x, x, x, x, x, x, x, x]\n");
    for (int i = 0; i < 30; i++) {
      yaml.append("b").append(i).append(": &b").append(i).append(" [*a, *a, *a, *a, *a, *a, *a, *a]\n");
    }
    assertThat(FeedsConfigParser.parse("f.yaml", yaml.toString())).isInstanceOf(LoadResult.Invalid.class);
  }

  @ParameterizedTest
  @CsvSource({"90s,PT1M30S", "15m,PT15M", "2h,PT2H", "1d,PT24H", "PT10M,PT10M", "30d,PT720H"})
  void durations(String text, String expected) {
    assertThat(DurationText.parse(text)).contains(Duration.parse(expected));
  }

  private static FeedsConfig loaded(String yaml) {
    var result = FeedsConfigParser.parse("feeds.yaml", yaml);
    assertThat(result).isInstanceOf(LoadResult.Loaded.class);
    return ((LoadResult.Loaded) result).config();
  }

  private static String read(String path) {
    try {
      return Files.readString(Path.of(path));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
