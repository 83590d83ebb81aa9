package dev.tributary.story;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import dev.tributary.config.DefaultSettings;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class TermMapTest {

  private final LanguageAnalyzers analyzers = new LanguageAnalyzers();
  private final TermMap map = TermMap.load(analyzers);

  private String concept(String language, String word) {
    List<String> stems = Tokens.stems(analyzers.forLanguage(language), word);
    assertEquals(1, stems.size(), word);
    return map.concept(stems.get(0));
  }

  @Test
  void newsWordsOfManyLanguagesMeetInOneConcept() {
    String quake = concept("en", "earthquake");
    assertEquals(quake, concept("ru", "землетрясения"));
    assertEquals(quake, concept("tr", "deprem"));
    assertEquals(quake, concept("az", "zəlzələ"));
    assertEquals(quake, concept("hy", "երկրաշարժ"));
    assertEquals(quake, concept("ka", "მიწისძვრა"));
    assertEquals(quake, concept("de", "Erdbeben"));
    String talks = concept("en", "negotiations");
    assertEquals(talks, concept("ru", "переговоров"));
    assertEquals(talks, concept("it", "negoziati"));
    assertEquals(talks, concept("tr", "müzakereler"));
    assertNotEquals(quake, talks);
  }

  @Test
  void everyConceptListsTheRegionsLanguages() {
    // a concept key replaces a word's cross-script key: a language a concept leaves out loses even
    // its cognate's match (ნატო would no longer meet NATO), so each concept lists ka, hy and az
    String nato = concept("en", "NATO");
    assertEquals(nato, concept("ka", "ნატოს"));
    assertEquals(nato, concept("hy", "ՆԱՏՕ"));
    assertEquals(nato, concept("az", "NATO"));
    String iran = concept("en", "Iran");
    assertEquals(iran, concept("ka", "ირანი"));
    assertEquals(iran, concept("hy", "Թեհրան"));
    assertEquals(iran, concept("az", "İran"));
    String law = concept("en", "law");
    assertEquals(law, concept("ka", "კანონპროექტი"));
    assertEquals(law, concept("hy", "օրինագիծ"));
    assertEquals(concept("en", "Tuesday"), concept("ka", "სამშაბათს"));
    assertEquals(concept("en", "party"), concept("hy", "կուսակցություն"));
    assertEquals(concept("en", "transit"), concept("az", "tranzit"));
    assertNotEquals(nato, iran);
  }

  @Test
  void aStemACommonWordSharesMapsToNoConcept() {
    // the Armenian stemmer cuts Իրան (Iran) to the stem of իրենց (their), օրենք (law) to օր (day),
    // առաջին (first) to առաջ (ago), and the Turkish chain Azerbaijani qanun (law) to qan (blood):
    // those words are left out of the table, so the common words stay no concept
    assertNull(concept("hy", "իրենց"));
    assertNull(concept("hy", "օր"));
    assertNull(concept("hy", "առաջ"));
    assertNull(concept("az", "qan"));
  }

  @Test
  void inflectedFormsMapThroughTheStemmer() {
    assertEquals(concept("en", "border"), concept("ru", "границу"));
    assertEquals(concept("en", "government"), concept("ru", "правительства"));
  }

  @Test
  void wordsOfAPhraseDoNotMapAlone() {
    // "White House" once made every "white" a name of the White House
    assertNull(concept("en", "white"));
    assertNull(concept("en", "national"));
  }

  @Test
  void monthsOfScriptsWithoutAStemmerMeetTheOthers() {
    assertEquals(concept("en", "August"), concept("ka", "აგვისტოს"));
    assertEquals(concept("en", "May"), concept("uk", "травня"));
  }

  private final ProfileBuilder builder = new ProfileBuilder(DefaultSettings.story());

  private Analysis analyse(String language, String text) {
    return builder.analyse(new StoryCandidate(1, "s", "https://example.org/1", "", text, language,
        Instant.parse("2026-03-02T12:00:00Z")), 0);
  }

  @Test
  void aPhraseIsOneKeyInEveryLanguageAndItsWordsAloneAreNot() {
    Analysis en = analyse("en", "The talks were held at the White House on a warm evening.");
    Analysis ru = analyse("ru", "Переговоры прошли в Белом доме тёплым вечером.");
    Analysis it = analyse("it", "I colloqui si sono svolti alla Casa Bianca in una sera calda.");
    assertEquals(true, en.keys().containsKey("@whitehouse"));
    assertEquals(true, ru.keys().containsKey("@whitehouse"));
    assertEquals(true, it.keys().containsKey("@whitehouse"));
    Analysis apart = analyse("en", "A white van stood by the house.");
    assertEquals(false, apart.keys().containsKey("@whitehouse"));
  }

  @Test
  void aPhraseKeepsItsWordsAmongTheNativeTerms() {
    Analysis en = analyse("en", "The prime minister spoke.");
    assertEquals(true, en.keys().containsKey("@pm"));
    assertEquals(false, en.keys().containsKey("@minister"));
    assertEquals(true, en.terms().containsKey("prime"));
  }
}
