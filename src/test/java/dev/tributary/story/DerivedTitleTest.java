package dev.tributary.story;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tributary.config.DefaultSettings;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** The title ingestion cuts from an untitled entry's text, and the engine telling it from a headline. */
class DerivedTitleTest {

  private static final Instant AT = Instant.parse("2030-05-01T10:00:00Z");
  private static final String TEXT = "Farmers in Lorvik blocked the coastal road with tractors on Monday morning, "
      + "protesting the new fuel levy that the regional council passed last week. Police said the road stayed shut.";

  @Test
  void aLongTextIsCutAtAWordAndMarked() {
    String title = DerivedTitle.of(TEXT);
    assertThat(title).endsWith("\u2026").hasSizeLessThanOrEqualTo(DerivedTitle.CHARS + 1);
    assertThat(TEXT).startsWith(title.substring(0, title.length() - 1));
    assertThat(title.charAt(title.length() - 2)).isNotEqualTo(' ');
    assertThat(TEXT.charAt(title.length() - 1)).isEqualTo(' ');
    assertThat(DerivedTitle.of("  Road shut at Lorvik.  ")).isEqualTo("Road shut at Lorvik.");
    assertThat(DerivedTitle.of(" ")).isNull();
  }

  @Test
  void onlyTheCutStartOfTheTextIsTakenForDerived() {
    assertThat(DerivedTitle.is(DerivedTitle.of(TEXT), TEXT)).isTrue();
    assertThat(DerivedTitle.is(DerivedTitle.of(TEXT), "  " + TEXT)).isTrue();
    // a headline, even one ending in an ellipsis, is no cut of this text
    assertThat(DerivedTitle.is("Farmers block the coastal road", TEXT)).isFalse();
    assertThat(DerivedTitle.is("Fuel levy: farmers block the road\u2026", TEXT)).isFalse();
    // a short text is its whole title: an entry that is little more than a headline is judged as one
    assertThat(DerivedTitle.is(DerivedTitle.of("Road shut at Lorvik."), "Road shut at Lorvik.")).isFalse();
    assertThat(DerivedTitle.is(null, TEXT)).isFalse();
  }

  @Test
  void aDerivedTitleIsComparedAsTheTextsOpeningNotAsAHeadline() {
    ProfileBuilder builder = new ProfileBuilder(DefaultSettings.story());
    StoryCandidate derived = new StoryCandidate(1, "a", "https://a/1", DerivedTitle.of(TEXT), TEXT, "en", AT);
    StoryCandidate untitled = new StoryCandidate(2, "a", "https://a/2", "", TEXT, "en", AT);
    StoryCandidate headed = new StoryCandidate(3, "a", "https://a/3", "Fuel levy protest shuts Lorvik road", TEXT, "en", AT);
    Analysis d = builder.analyse(derived, 0);
    Analysis u = builder.analyse(untitled, 0);
    Analysis h = builder.analyse(headed, 0);
    // the opening's words are the text's, weighing no more for being cut into a title
    assertThat(d.terms()).isEqualTo(u.terms());
    assertThat(d.keys()).isEqualTo(u.keys());
    assertThat(d.ledeTitle()).isTrue();
    assertThat(d.titleKeys()).isNotEmpty();
    assertThat(d.headlineNames()).isEmpty();
    // a headline keeps its weight and is compared as one
    assertThat(h.ledeTitle()).isFalse();
    assertThat(h.terms()).isNotEqualTo(u.terms());
  }
}
