package dev.tributary.story;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** A German compound's parts at a derivational suffix and its linking s (our own words). */
class GermanCompoundPartsTest {

  private final LanguageAnalyzers analyzers = new LanguageAnalyzers();

  @ParameterizedTest(name = "{0}: {1}")
  @CsvSource(delimiter = '|', value = {
    "regierungsprogramm | regierung programm",
    "sicherheitslage | sicherheit lage",
    "gesundheitsministerium | gesundheit ministerium",
    "koalitionsverhandlungen | koalition verhandlungen",
    "mannschaftskapitän | mannschaft kapitän",
    "flüchtlingslager | flüchtling lager",
    "universitätsklinik | universität klinik",
    "wachstumsprognose | wachstum prognose",
    "übersetzungsbüros | übersetzung büros",
    // one boundary after another
    "sicherheitsbehördenkreise | sicherheit behördenkreise",
    "verwaltungsgerichtsentscheidung | verwaltung gerichtsentscheidung",
    "wohnungsbaugenossenschaftsvorsitz | wohnung baugenossenschaft vorsitz",
  })
  void splitsAtTheLinkingS(String word, String parts) {
    Deque<String> out = new ArrayDeque<>();
    GermanCompoundParts.split(word, out);
    assertThat(String.join(" ", out)).isEqualTo(parts);
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource({
    // no derivational suffix before the s, a genitive's s at the end, too short a first part or rest
    "Arbeitsmarkt", "Sicherheitsrat", "regierungs", "zeitungs", "jungsgruppe", "Haus", "Bewegung", "Sonnenschein", "Meinungen",
  })
  void leavesOtherWordsWhole(String word) {
    Deque<String> out = new ArrayDeque<>();
    GermanCompoundParts.split(word.toLowerCase(java.util.Locale.ROOT), out);
    assertThat(out).isEmpty();
  }

  @Test
  void aCompoundMeetsItsPartsInTheGermanChain() {
    var analyzer = analyzers.forLanguage("de");
    List<Tokens.Token> tokens = Tokens.analyze(analyzer, "Das Regierungsprogramm der neuen Koalition steht.", 100, true);
    List<String> terms = new ArrayList<>();
    tokens.forEach(t -> terms.add(t.term()));
    // the compound, then its parts stemmed as words are, then the next words
    assertThat(terms).containsSubsequence(
        Tokens.stems(analyzer, "Regierungsprogramm").get(0),
        Tokens.stems(analyzer, "Regierung").get(0),
        Tokens.stems(analyzer, "Programm").get(0),
        Tokens.stems(analyzer, "neuen").get(0));
    // the compound is capitalized, its parts are common words
    assertThat(tokens).filteredOn(Tokens.Token::part).hasSize(2).noneMatch(Tokens.Token::capitalized);
    assertThat(tokens).filteredOn(t -> !t.part() && t.capitalized()).hasSize(2);
  }

  @Test
  void partsAreLeftOutUnlessAskedForAndCountNoWords() {
    var analyzer = analyzers.forLanguage("de");
    String text = "Sicherheitslage bleibt Thema";
    assertThat(Tokens.stems(analyzer, text)).hasSize(3);
    assertThat(Tokens.analyze(analyzer, text, 2, true)).hasSize(4);
    assertThat(Tokens.analyze(analyzer, text, 2, false)).hasSize(2);
  }

  @Test
  void otherLanguagesAreNotSplit() {
    var analyzer = analyzers.forLanguage("en");
    assertThat(Tokens.analyze(analyzer, "Regierungsprogramm", 10, true)).hasSize(1);
  }
}
