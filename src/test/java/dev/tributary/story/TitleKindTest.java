package dev.tributary.story;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class TitleKindTest {
  private static final LanguageAnalyzers ANALYZERS = new LanguageAnalyzers();

  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', nullValues = "-", textBlock = """
      Gori, March 3, KAVKAZPRESS                           | en | BARE
      Tbilisi, 5 May 2031                                  | en | BARE
      Sunday 14:00                                         | en | BARE
      Latest                                               | en | BARE
      Video:                                               | en | BARE
      Kutaisi Gazette: Kutaisi                             | en | BARE
      4 Shot, 1 Hurt In Kutaisi Market Fight               | en | PROPER
      Kutaisi: Carsten Beridze (CDU) gegen jede Koalition  | de | LABELLED
      Гори, 3 марта, КАВКАЗПРЕСС                           | ru | BARE
      Gori and Kutaisi, March 3                            | en | BARE
      Text: Anna Beridze, Kutaisi                          | en | BARE
      Aliyev, Pashinyan Meet In Gori                       | en | PROPER
      Gori: Das Festungswunder von der Burgstraße          | de | LABELLED
      Mauern bröckeln: 200.000 Euro Schaden in Gori        | de | LABELLED
      Gori fortress walls restored after the winter...     | en | RUN_ON
      On Monday the walls of the Gori fortress were shown to visitors again after a winter of work by restorers from Tbilisi | en | RUN_ON
      Video: Gori fortress walls restored after the winter | en | LABELLED
      EXCLUSIVE Gori fortress walls restored               | en | LABELLED
      Gori fortress walls restored after the winter        | en | PROPER
      Gori Fortress Walls Restored After The Winter        | en | PROPER
      GORI FORTRESS WALLS RESTORED                         | en | PROPER
      OSCE observers visit Gori on March 3                 | en | PROPER
      В Гори отреставрировали стены крепости               | ru | PROPER
      -                                                    | en | NONE
      """)
  void judgesATitleByTheShapeOfItsWords(String title, String language, TitleKind expected) {
    assertThat(TitleKind.of(title, language, ANALYZERS.forLanguage(language))).isEqualTo(expected);
  }
}
