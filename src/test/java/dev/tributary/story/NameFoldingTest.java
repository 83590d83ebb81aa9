package dev.tributary.story;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tributary.config.DefaultSettings;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/**
 * A name capitalized at a headline's or a sentence's start gets the key of the word as written too
 * when the text capitalizes that name within a sentence in any case: the Russian stemmer cuts a
 * nominative in -ав as a gerund (Горздрав to горздра) and its genitive not (Горздрава to
 * горздрав), so the stems of one body's name in two cases differ, while the written keys (vowel
 * endings dropped) agree.
 */
class NameFoldingTest {

  private static final Instant NOON = Instant.parse("2026-05-25T12:00:00Z");
  private final ProfileBuilder builder = new ProfileBuilder(DefaultSettings.story());
  private final CrossScriptKeys keys = new CrossScriptKeys();

  private static StoryCandidate report(long id, String title, String text) {
    return new StoryCandidate(id, "s" + id, "https://example.org/" + id, title, text, "ru", NOON);
  }

  private Analysis analyse(String title, String text) {
    return builder.analyse(report(1, title, text), 0);
  }

  @Test
  void theStemmerCutsOneNameApartByCase() {
    // what the folding is for: the stems' keys of the nominative and the genitive differ
    assertThat(keys.key(stem("Горздрав"))).isNotEqualTo(keys.key(stem("Горздрава")));
    assertThat(builder.writtenNameKey("ru", "Горздрав")).isEqualTo(builder.writtenNameKey("ru", "Горздрава"));
  }

  @Test
  void aNameOpeningTheHeadlineMeetsItsOtherCasesInTheText() {
    Analysis a = analyse("Горздрав запретил продавать сладости в школах",
        "Горздрав запретил продавать сладости в школах. По словам представителя Горздрава, запрет начнёт действовать осенью.");
    String written = builder.writtenNameKey("ru", "Горздрава");

    assertThat(a.names()).contains(written);
    assertThat(a.titleKeys()).containsKey(written);
  }

  @Test
  void anOpeningTheTextNeverCapitalizesWithinASentenceGetsNoWrittenKey() {
    // the stem of депутатов drops -ов, the written key keeps its в: a common word's written key differs
    String written = builder.writtenNameKey("ru", "Депутатов");
    assertThat(keys.key(stem("Депутатов"))).isNotEqualTo(written);
    Analysis unconfirmed = analyse("Депутатов вызвали в суд из-за прогулов",
        "Депутатов вызвали в суд из-за прогулов. Заседание назначено на осень, сообщили в мэрии.");

    assertThat(unconfirmed.names()).doesNotContain(written);
    assertThat(unconfirmed.titleKeys()).doesNotContainKey(written);
  }

  @Test
  void theActorOpeningTheHeadlineIsFoundInAnotherCase() {
    Analysis a = analyse("Горздрав запретил продавать сладости в школах",
        "Запрет на продажу сладостей в школах ввели по решению Горздрава, он начнёт действовать осенью.");

    assertThat(a.agent()).contains(builder.writtenNameKey("ru", "Горздрава"));
  }

  @Test
  void oneBodyInTwoCasesDoesNotClashAndTwoBodiesDo() {
    PairProbe probe = new PairProbe(DefaultSettings.story());
    String claim = "продавать сладости в школах запрещено с осени, а нарушителей ждут штрафы до ста тысяч рублей";
    StoryCandidate nominative = report(1, "Горздрав запретил продавать сладости в школах",
        "Решение принято на заседании Горздрава: " + claim + ".");
    StoryCandidate genitive = report(2, "В Горздраве запретили продавать сладости в школах",
        "Как сообщили в Горздраве, " + claim + ".");
    StoryCandidate other = report(3, "Облсовет запретил продавать сладости в школах",
        "Решение принято на заседании Облсовета: " + claim + ".");
    for (StoryCandidate c : new StoryCandidate[] {nominative, genitive, other}) {
      probe.index(c, c.itemId());
    }

    assertThat(probe.compare(nominative, genitive).agentClash()).isFalse();
    assertThat(probe.compare(nominative, other).agentClash()).isTrue();
  }

  private static String stem(String word) {
    return Tokens.stems(new LanguageAnalyzers().forLanguage("ru"), word).get(0);
  }
}
