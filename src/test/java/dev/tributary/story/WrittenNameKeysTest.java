package dev.tributary.story;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tributary.config.DefaultSettings;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/**
 * The Russian stemmer cuts names as though they were common words (-ов, -ам, the -н of -ян), so a
 * capitalized Cyrillic word within a sentence also gets the key of the word as written, its
 * instrumental ending aside, which is the key the same name has in Latin script. A sentence's
 * first word, capitalized whatever it is, gets none.
 */
class WrittenNameKeysTest {

  private static final Instant NOON = Instant.parse("2026-03-02T12:00:00Z");
  private final ProfileBuilder builder = new ProfileBuilder(DefaultSettings.story());

  private static StoryCandidate report(long id, String language, String text) {
    return new StoryCandidate(id, "s" + id, "https://example.org/" + id, "", text, language, NOON);
  }

  private Analysis analyse(String language, String text) {
    return builder.analyse(report(1, language, text), 0);
  }

  @Test
  void aCyrillicNameTheStemmerCutsMeetsItsLatinSpelling() {
    Analysis ru = analyse("ru", "Вчера министр Турсунбеков встретился с послом в городе Велиханян.");
    Analysis en = analyse("en", "Yesterday minister Tursunbekov met the ambassador in the town of Velikhanyan.");

    assertThat(ru.names()).contains(key(en, "Tursunbekov"), key(en, "Velikhanyan"));
  }

  @Test
  void theInstrumentalEndingIsLeftOutOfTheWrittenKey() {
    Analysis ru = analyse("ru", "Посол говорил с министром Турсунбековым и с мэром Велиханяном.");
    Analysis en = analyse("en", "The ambassador spoke with minister Tursunbekov and mayor Velikhanyan.");

    assertThat(ru.names()).contains(key(en, "Tursunbekov"), key(en, "Velikhanyan"));
  }

  @Test
  void aSentencesFirstWordGetsNoWrittenKey() {
    Analysis opening = analyse("ru", "Депутатов вызвали в суд.");
    Analysis within = analyse("ru", "Вчера Депутатов вызвали в суд.");

    assertThat(within.names()).hasSize(opening.names().size() + 1);
  }

  @Test
  void latinWordsOutsideTurkishAndAzerbaijaniAreKeyedFromTheirStemAlone() {
    assertThat(builder.writtenNameKey("en", "Tursunbekov")).isNull();
    assertThat(builder.writtenNameKey("de", "Tursunbekovda")).isNull();
    assertThat(builder.writtenNameKey("ru", "Турсунбекова")).isEqualTo(builder.writtenNameKey("ru", "Турсунбекову"));
  }

  @Test
  void anAzerbaijaniNameInAnyCaseMeetsItsEnglishSpelling() {
    Analysis az = analyse("az", "Dünən nazir Tursunbekovla mer Velixanyan Qaraxandada görüşdü, "
        + "sonra Tursunbekovun köməkçisi Qaraxandadan getdi.");
    Analysis en = analyse("en", "Yesterday minister Tursunbekov met mayor Velikhanyan in Karakhanda.");

    assertThat(az.names()).contains(key(en, "Tursunbekov"), key(en, "Velikhanyan"), key(en, "Karakhanda"));
  }

  @Test
  void azerbaijaniLettersAreReadAsTheirSounds() {
    // c sounds as English j, x as kh
    assertThat(builder.writtenNameKey("az", "Cəlixanovda")).isEqualTo(keys("jalikhanov"));
    assertThat(builder.writtenNameKey("tr", "Celikov'da")).isEqualTo(keys("jelikov"));
    assertThat(builder.writtenNameKey("az", "Azərbaycanın")).isEqualTo(keys("azerbaijan"));
    assertThat(builder.writtenNameKey("az", "Naxçıvandan")).isEqualTo(keys("nakhchivan"));
    assertThat(builder.writtenNameKey("az", "Xankəndidə")).isEqualTo(keys("khankendi"));
    assertThat(builder.writtenNameKey("az", "Şəkidə")).isEqualTo(keys("sheki"));
  }

  private static String keys(String latin) {
    return new CrossScriptKeys().key(latin);
  }

  @Test
  void aTurkishNameIsKeyedAsWrittenBeforeItsApostrophe() {
    // the stemmer cuts a name ending as a common word does (İlham to ilha)
    Analysis tr = analyse("tr", "Dün Bakan İlham Tursunbekov'la görüştü ve Karakhanda'ya gitti.");
    Analysis en = analyse("en", "Yesterday minister Ilham Tursunbekov went to Karakhanda.");

    assertThat(tr.names()).contains(key(en, "Ilham"), key(en, "Tursunbekov"), key(en, "Karakhanda"));
    assertThat(builder.writtenNameKey("tr", "Karakhanda'ya")).isEqualTo(builder.writtenNameKey("tr", "Karakhanda"));
  }

  @Test
  void aTurkishWordWithoutApostropheKeepsItsLetters() {
    // Turkish writes a name's suffix after an apostrophe: an ending without one is the name's own
    assertThat(builder.writtenNameKey("tr", "Kaladan")).isNotEqualTo(builder.writtenNameKey("tr", "Kala"));
    assertThat(builder.writtenNameKey("az", "Kaladan")).isEqualTo(builder.writtenNameKey("az", "Kala"));
  }

  @Test
  void anArmenianSentencesFirstWordGetsNoWrittenKeyAfterTheArmenianFullStop() {
    String text = "Նա եկավ։ Երևանում անձրև է";
    assertThat(Tokens.sentenceStart(text, text.indexOf("Երևանում"))).isTrue();
    assertThat(builder.writtenNameKey("hy", "Բաքվում")).isEqualTo(keys("baku"));
  }

  @Test
  void aWordOpensASentenceAfterAStopOrAtTheStartQuotesAside() {
    String text = "«Мирзоян прибыл». Затем министр Мирзоян уехал";
    assertThat(Tokens.sentenceStart(text, text.indexOf("Мирзоян"))).isTrue();
    assertThat(Tokens.sentenceStart(text, text.indexOf("Затем"))).isTrue();
    assertThat(Tokens.sentenceStart(text, text.lastIndexOf("Мирзоян"))).isFalse();
  }

  // the key of an English name as the profile builder derives it from its stem
  private static String key(Analysis en, String name) {
    String k = new CrossScriptKeys().key(name.toLowerCase(java.util.Locale.ROOT));
    assertThat(en.names()).contains(k);
    return k;
  }
}
