package dev.tributary.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Imported feeds become sources text that feeds.yaml accepts as it is. */
class SourcesYamlTest {
  private static final FeedsConfig CURRENT = ((LoadResult.Loaded) FeedsConfigParser.parse("feeds.yaml", """
      sources:
        - id: civil-ge
          url: https://civil.ge/feed
          tags: [georgia]
      channels:
        - id: all
          tags: [georgia]
      """)).config();

  @ParameterizedTest
  @CsvSource({
      "Civil.ge, civil-ge",
      "Café Ñews — Tbilisi, cafe-news-tbilisi",
      "'  ', ''",
      "ინტერპრესნიუსი, ''",
      "Scripting News!!, scripting-news"})
  void slugsUseTheIdForm(String title, String slug) {
    assertThat(SourcesYaml.slug(title)).isEqualTo(slug);
    assertThat(slug.isEmpty() || FeedsConfigParser.ID.matcher(slug).matches()).isTrue();
  }

  @Test
  void importedSourcesParseAsFeedsYamlWithUniqueIdsAndFolderTags() {
    List<ImportedFeed> feeds = List.of(
        new ImportedFeed("Civil.ge", "https://civil.ge/feed", List.of("Georgia")),
        new ImportedFeed("Civil.ge", "https://civil.ge/ka/feed", List.of("Georgia", "Regional press")),
        new ImportedFeed("ინტერპრესნიუსი", "https://www.interpressnews.ge/ka/rss/", List.of()),
        new ImportedFeed("Scripting News", "http://scripting.com/rss.xml", List.of()),
        new ImportedFeed("Again", "http://scripting.com/rss.xml", List.of()),
        new ImportedFeed("Evil", "javascript:alert(1)", List.of()),
        new ImportedFeed("Title: with \"quotes\" # and a hash", "https://q.example/feed", List.of()));

    SourcesYaml.Result result = SourcesYaml.of(feeds, CURRENT);

    assertThat(result.added()).isEqualTo(4);
    assertThat(result.skipped()).hasSize(3)
        .anySatisfy(s -> assertThat(s).contains("civil.ge/feed", "already a source"))
        .anySatisfy(s -> assertThat(s).contains("scripting.com", "already a source"))
        .anySatisfy(s -> assertThat(s).contains("javascript:", "not an absolute http(s) URL"));
    String pasted = result.yaml() + "channels:\n  - id: imported\n    tags: [imported, georgia, regional-press]\n";
    LoadResult loaded = FeedsConfigParser.parse("feeds.yaml", pasted);
    assertThat(loaded).as(pasted).isInstanceOf(LoadResult.Loaded.class);
    FeedsConfig config = ((LoadResult.Loaded) loaded).config();
    assertThat(config.sources()).extracting(SourceConfig::id)
        .containsExactly("civil-ge-2", "interpressnews-ge", "scripting-news", "title-with-quotes-and-a-hash");
    assertThat(config.sources().get(0).tags()).containsExactly("georgia", "regional-press");
    assertThat(config.sources().get(1).tags()).containsExactly(SourcesYaml.DEFAULT_TAG);
    assertThat(config.sources().get(1).title()).isEqualTo("ინტერპრესნიუსი");
    assertThat(config.sources().get(3).title()).isEqualTo("Title: with \"quotes\" # and a hash");
  }

  @Test
  void nothingNewIsAClearEmptyAnswer() {
    SourcesYaml.Result result = SourcesYaml.of(List.of(new ImportedFeed("x", "https://civil.ge/feed", List.of())), CURRENT);
    assertThat(result.added()).isZero();
    assertThat(result.yaml()).startsWith("# 0 sources from OPML; skipped 1:").doesNotContain("sources:\n");
  }
}
