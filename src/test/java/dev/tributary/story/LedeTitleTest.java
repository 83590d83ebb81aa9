package dev.tributary.story;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tributary.config.DefaultSettings;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** A bare dateline or byline for a title: the text's opening stands in for it in the title's keys. */
class LedeTitleTest {

  private static final Instant AT = Instant.parse("2030-05-01T10:00:00Z");
  private final LanguageAnalyzers analyzers = new LanguageAnalyzers();

  private static StoryCandidate report(long id, String title, String text) {
    return ClusteringStoryEngineTest.item(id, "outlet-" + id, "en", title, text, AT);
  }

  @Test
  void theLedePassesOverTheTitlesCopyAndDatelinePieces() {
    var en = analyzers.forLanguage("en");
    assertThat(ProfileBuilder.lede("Text: Mira Holt, Lorvik",
        "Text: Mira Holt, Lorvik  Farmers in Lorvik blocked the coastal road on Monday.", "en", en))
        .isEqualTo("Farmers in Lorvik blocked the coastal road on Monday.");
    assertThat(ProfileBuilder.lede("", "LORVIK, March 4. /NORDPRESS/. Farmers blocked the coastal road.", "en", en))
        .isEqualTo("Farmers blocked the coastal road.");
    // a sentence is no dateline: nothing is passed over
    assertThat(ProfileBuilder.lede("", "Farmers blocked the coastal road. Police came later.", "en", en))
        .isEqualTo("Farmers blocked the coastal road. Police came later.");
  }

  @Test
  void onlyABareTitleIsStoodInFor() {
    var en = analyzers.forLanguage("en");
    assertThat(ProfileBuilder.ledeStandsIn(TitleKind.of("Text: Mira Holt, Lorvik", "en", en))).isTrue();
    assertThat(ProfileBuilder.ledeStandsIn(TitleKind.of("LORVIK, March 4, NORDPRESS", "en", en))).isTrue();
    assertThat(ProfileBuilder.ledeStandsIn(TitleKind.of("Farmers block the coastal road at Lorvik", "en", en))).isFalse();
  }

  @Test
  void twoBylinedReportsOfOneEventShareTheirHeadlinesKeys() {
    var probe = new PairProbe(DefaultSettings.story());
    var a = report(1, "Text: Mira Holt, Lorvik", "Text: Mira Holt, Lorvik  Farmers in Lorvik blocked the coastal "
        + "road with tractors on Monday, protesting the new fuel levy. Police in Lorvik said the road stayed shut.");
    var b = report(2, "Lorvik, March 4, NORDPRESS", "LORVIK, March 4 (NORDPRESS) - Farmers in Lorvik blocked the coastal road with tractors on "
        + "Monday against the fuel levy, and the police closed it to traffic for the day.");
    var headed = report(3, "Farmers block Lorvik coastal road over fuel levy", "Farmers in Lorvik blocked the "
        + "coastal road with tractors on Monday against the fuel levy.");
    PairFeatures bylines = probe.compare(a, b);
    assertThat(bylines.ledeTitle()).isTrue();
    assertThat(bylines.title()).isGreaterThan(0.3);
    assertThat(probe.compare(a, headed).ledeTitle()).isTrue();
    assertThat(probe.compare(headed, headed).ledeTitle()).isFalse();
  }

  @Test
  void aStoodInTitleWeighsAsItsOwnInput() {
    PairFeatures f = new PairFeatures(0.5, 0.5, 0.8, 0.2, false, true, 0.1, false, false, false, 0, true, false, false, false, false, false);
    double[] x = PairModel.features(f);
    assertThat(x[PairModel.FEATURES.indexOf("title")]).isZero();
    assertThat(x[PairModel.FEATURES.indexOf("titleCross")]).isZero();
    assertThat(x[PairModel.FEATURES.indexOf("titleLede")]).isEqualTo(0.8);
    PairFeatures headlines = new PairFeatures(0.5, 0.5, 0.8, 0.2, false, true, 0.1, false, false, false, 0, false, false, false, false, false, false);
    assertThat(PairModel.features(headlines)[PairModel.FEATURES.indexOf("title")]).isEqualTo(0.8);
    assertThat(PairModel.features(headlines)[PairModel.FEATURES.indexOf("titleLede")]).isZero();
  }
}
