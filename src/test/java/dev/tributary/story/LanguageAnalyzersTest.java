package dev.tributary.story;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashSet;
import java.util.Set;
import org.apache.lucene.analysis.CharArraySet;
import org.apache.lucene.analysis.pl.PolishAnalyzer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Each language's chain brings two inflected forms of one word to one term (our own words). */
class LanguageAnalyzersTest {

  private final LanguageAnalyzers analyzers = new LanguageAnalyzers();

  @ParameterizedTest(name = "{0}: {1} = {2}")
  @CsvSource(delimiter = '|', value = {
    "de | Regierung | Regierungen",
    "es | elecciones | elección",
    "fr | élections | élection",
    "tr | hükümeti | hükümet",
    "pl | wyborach | wybory",
    "pl | ministra | minister",
    // the forms of a word or a name Stempel's table stems apart (gorączka, gorączeka; bryant, bryantay)
    // meet in the stem's first letters
    "pl | gorączką | gorączka",
    "pl | Bryanta | Bryant",
    "nl | regeringen | regering",
    "sv | regeringen | regering",
    "el | κυβέρνηση | κυβέρνησης",
    "ar | الحكومة | حكومة",
    // a case suffix after an apostrophe, an elided article: one word either way
    "tr | İzmir'de | İzmir'in",
    "tr | Belediye’ye | belediye",
    "az | Gəncə'də | Gəncə",
    "fr | l'hôpital | hôpitaux",
    "fr | d’Orléans | Orléans",
    "it | dell'ospedale | ospedali",
  })
  void inflectedFormsMeet(String language, String a, String b) {
    var analyzer = analyzers.forLanguage(language);
    assertThat(Tokens.stems(analyzer, a)).isEqualTo(Tokens.stems(analyzer, b)).hasSize(1);
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', value = {
    "ka | საქართველოს მთავრობამ განაცხადა | 3",
    "hy | Հայաստանի կառավարությունը հայտարարեց | 3",
    "az | Azərbaycan hökuməti bəyanat yaydı | 4",
  })
  void scriptsWithoutAStemmerStillBreakIntoWords(String language, String text, int words) {
    assertThat(Tokens.stems(analyzers.forLanguage(language), text)).hasSize(words).allSatisfy(t -> assertThat(t).isNotBlank());
  }

  @Test
  void polishStopWordsAreLucenesOwnListWithoutItsStemmingTable() {
    CharArraySet ours = LanguageAnalyzers.polishStops();
    assertThat(words(ours)).isNotEmpty().isEqualTo(words(PolishAnalyzer.getDefaultStopSet()));
    assertThat(ours.contains("oraz")).isTrue();
  }

  private static Set<String> words(CharArraySet set) {
    Set<String> out = new HashSet<>();
    for (Object w : set) {
      out.add(w instanceof char[] chars ? new String(chars) : w.toString());
    }
    return out;
  }
}
