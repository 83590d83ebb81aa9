package dev.tributary.story;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.Random;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Undeclared languages guessed from script and stop words (our own sentences). */
class LanguageGuessTest {

  @ParameterizedTest
  @CsvSource(delimiter = '|', value = {
    "en|The minister said that the talks would resume in the spring after a pause of two months",
    "ru|Министр заявил, что переговоры возобновятся весной после двухмесячной паузы",
    "uk|Міністр заявив, що переговори відновляться навесні після двомісячної перерви, і це єдиний шлях",
    "ka|მინისტრმა განაცხადა, რომ მოლაპარაკებები გაზაფხულზე განახლდება",
    "hy|Նախարարը հայտարարեց, որ բանակցությունները կվերսկսվեն գարնանը",
    "az|Nazir bildirib ki, danışıqlar iki aylıq fasilədən sonra yazda bərpa olunacaq",
    "it|Il ministro ha detto che i colloqui riprenderanno in primavera dopo una pausa di due mesi",
    "de|Der Minister sagte, dass die Gespräche nach einer Pause von zwei Monaten im Frühjahr wieder aufgenommen werden",
    "fr|Le ministre a déclaré que les pourparlers reprendraient au printemps après une pause de deux mois",
    "es|El ministro dijo que las conversaciones se reanudarán en primavera tras una pausa de dos meses",
    "pt|O ministro disse que as negociações serão retomadas na primavera depois de uma pausa de dois meses",
    "pl|Minister powiedział, że rozmowy zostaną wznowione wiosną po dwumiesięcznej przerwie, ale nie wcześniej",
    "nl|De minister zei dat de gesprekken in het voorjaar na een pauze van twee maanden worden hervat",
    "el|Ο υπουργός δήλωσε ότι οι συνομιλίες θα ξαναρχίσουν την άνοιξη μετά από παύση δύο μηνών",
    "tr|Bakan, görüşmelerin iki aylık bir aradan sonra ilkbaharda yeniden başlayacağını söyledi ve bu çok önemli",
  })
  void guessesTheLanguage(String expected, String text) {
    assertThat(LanguageGuess.of(null, text)).isEqualTo(expected);
  }

  @ParameterizedTest
  @CsvSource(delimiter = '|', value = {"''", "'2026 — 14:05'"})
  void nothingToGoByIsNoLanguage(String text) {
    assertThat(LanguageGuess.of("", text)).isEmpty();
  }

  @ParameterizedTest
  @CsvSource(delimiter = '|', value = {"ru|Пашинян и Алиев — встреча в Київ", "en|Aliyev"})
  void aStrayLetterOrAShortTitleFallsBackToTheScriptsMainLanguage(String expected, String text) {
    assertThat(LanguageGuess.of(text, null)).isEqualTo(expected);
  }

  /**
   * The stop words are counted over the same words a split at every run of non-letters (apostrophes
   * aside) finds: the sample and those words re-joined by single spaces are judged alike, across
   * apostrophes, digits, punctuation, marks, letters outside the basic plane and words longer than
   * any stop word.
   */
  @Test
  void countsTheWordsARegularExpressionSplitFinds() {
    Pattern nonWord = Pattern.compile("[^\\p{L}']+");
    String[] parts = {"the", "der", "die", "la", "le", "di", "de", "et", "und", "que", "het", "ve", "ile", "się", "nie",
        "l'", "'", "'s", " ", "  ", "-", ".", ",", "7", "\u0301", "\uD835\uDC00", "\uD835", "«", "\u00A0", "\t",
        "ZZ", "É", "İ", "ß", "ministerpräsidentenkonferenz", "a", "o", "у"};
    Random random = new Random(42);
    int counted = 0;
    for (int round = 0; round < 5_000; round++) {
      StringBuilder text = new StringBuilder();
      for (int k = random.nextInt(30); k > 0; k--) {
        text.append(parts[random.nextInt(parts.length)]);
      }
      String sample = text.toString();
      String words = Arrays.stream(nonWord.split(sample.toLowerCase(java.util.Locale.ROOT)))
          .filter(w -> !w.isEmpty()).collect(Collectors.joining(" "));
      assertThat(LanguageGuess.stopHits(sample)).as(sample).containsExactly(LanguageGuess.stopHits(words));
      counted += Arrays.stream(LanguageGuess.stopHits(words)).sum();
    }
    assertThat(counted).isGreaterThan(10_000);
  }
}
