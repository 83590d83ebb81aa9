package dev.tributary.story;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Analysis never hands on an empty term, whatever folding leaves of a word. */
class TokensTest {

  @ParameterizedTest(name = "{0}: {1}")
  @CsvSource(delimiter = '|', value = {
    "ar | قال الوزير ـ ـ إن المحادثات ستستأنف",
    "ar | \u0640\u0640 \u064b\u064c خبر",
    "en | café \u0301 naïve ‐ — résumé",
    "tr | Bakü'de toplantı ̇ yapıldı",
  })
  void noEmptyTerms(String language, String text) {
    var analyzer = new LanguageAnalyzers().forLanguage(language);
    assertThat(Tokens.analyze(analyzer, text, 300)).allSatisfy(t -> assertThat(t.term()).isNotEmpty());
  }
}
