package dev.tributary.story;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tributary.config.DefaultSettings;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** German capitalizes every noun: a capitalized word the text writes after a determiner is a common noun (our own texts). */
class GermanNounsTest {

  private final LanguageAnalyzers analyzers = new LanguageAnalyzers();

  @Test
  void aWordAfterAnArticleOrAnArticleAndAdjectiveIsDetermined() {
    Set<String> d = ProfileBuilder.GERMAN_DETERMINERS;
    String text = "Laut der neuen Regierung trifft Bürgermeisterin Anna Keller im Rathaus die Grünen.";
    assertThat(Tokens.afterDeterminer(text, text.indexOf("Regierung"), d)).isTrue();
    assertThat(Tokens.afterDeterminer(text, text.indexOf("Rathaus"), d)).isTrue();
    assertThat(Tokens.afterDeterminer(text, text.indexOf("Grünen"), d)).isTrue();
    // a name after a title noun, a name after a name
    assertThat(Tokens.afterDeterminer(text, text.indexOf("Anna"), d)).isFalse();
    assertThat(Tokens.afterDeterminer(text, text.indexOf("Keller"), d)).isFalse();
    assertThat(Tokens.afterDeterminer(text, text.indexOf("Bürgermeisterin"), d)).isFalse();
    // no word before: the text's opening; a hyphen's second half
    assertThat(Tokens.afterDeterminer(text, 0, d)).isFalse();
    String hyphen = "die Stadt-Verwaltung";
    assertThat(Tokens.afterDeterminer(hyphen, hyphen.indexOf("Verwaltung"), d)).isFalse();
  }

  @Test
  void nounsAreNoNamesButPeopleAndAcronymsAre() {
    var analyzer = analyzers.forLanguage("de");
    String text = "Heute hat die Regierung entschieden. Anna Keller von der SPD sagte, die Regierung "
        + "werde den Plan prüfen. Keller nannte den Plan mutig.";
    List<Tokens.Token> tokens = Tokens.analyze(analyzer, text, 100, true, ProfileBuilder.GERMAN_DETERMINERS);
    Set<String> nouns = ProfileBuilder.nouns(List.of(), tokens);
    String regierung = Tokens.stems(analyzer, "Regierung").get(0);
    String plan = Tokens.stems(analyzer, "Plan").get(0);
    String keller = Tokens.stems(analyzer, "Keller").get(0);
    String spd = Tokens.stems(analyzer, "SPD").get(0);
    assertThat(nouns).contains(regierung, plan).doesNotContain(keller, spd);
    List<Tokens.Token> read = ProfileBuilder.common(tokens, nouns);
    assertThat(read).filteredOn(t -> t.term().equals(regierung)).noneMatch(Tokens.Token::capitalized);
    assertThat(read).filteredOn(t -> t.term().equals(keller)).allMatch(Tokens.Token::capitalized);
  }

  @Test
  void aGermanReportsNamesLeaveItsNounsOut() {
    ProfileBuilder builder = new ProfileBuilder(DefaultSettings.story());
    StoryCandidate item = new StoryCandidate(1L, "s", "https://example.org/1", "Regierung stellt Plan vor",
        "Die Regierung hat am Montag einen Plan vorgestellt. Ministerin Anna Keller sagte, der Plan koste viel.",
        "de", java.time.Instant.parse("2024-05-06T10:00:00Z"));
    Analysis a = builder.analyse(item, 0);
    var analyzer = analyzers.forLanguage("de");
    CrossScriptKeys keys = new CrossScriptKeys();
    assertThat(a.names()).contains(keys.key(Tokens.stems(analyzer, "Keller").get(0)))
        .doesNotContain(keys.key(Tokens.stems(analyzer, "Plan").get(0)));
  }
}
