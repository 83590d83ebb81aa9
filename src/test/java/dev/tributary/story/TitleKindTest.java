package dev.tributary.story;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class TitleKindTest {
  private static final LanguageAnalyzers ANALYZERS = new LanguageAnalyzers();

  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', nullValues = "-", textBlock = """
      Gori, March 3, KAVKAZPRESS                           | en | KavkazPress       | BARE
      Tbilisi, 5 May 2031                                  | en | Some Daily        | BARE
      Sunday 14:00                                         | en | Some Daily        | BARE
      Latest                                               | en | Some Daily        | BARE
      Video:                                               | en | Some Daily        | BARE
      Kutaisi Gazette: Kutaisi                             | en | Kutaisi Gazette   | BARE
      4 Shot, 1 Hurt In Kutaisi Market Fight               | en | Kutaisi Gazette   | PROPER
      Kutaisi: Carsten Beridze (CDU) gegen jede Koalition  | de | Some Daily        | LABELLED
      Гори, 3 марта, КАВКАЗПРЕСС                           | ru | Кавказпресс       | BARE
      Gori and Kutaisi, March 3                            | en | Some Daily        | BARE
      Text: Anna Beridze, Kutaisi                          | en | Some Daily        | BARE
      Aliyev, Pashinyan Meet In Gori                       | en | Some Daily        | PROPER
      Gori: Das Festungswunder von der Burgstraße          | de | Some Daily        | LABELLED
      Mauern bröckeln: 200.000 Euro Schaden in Gori        | de | Some Daily        | LABELLED
      Gori fortress walls restored after the winter...     | en | Some Daily        | RUN_ON
      On Monday the walls of the Gori fortress were shown to visitors again after a winter of work by restorers from Tbilisi | en | Some Daily | RUN_ON
      Video: Gori fortress walls restored after the winter | en | Some Daily        | LABELLED
      EXCLUSIVE Gori fortress walls restored               | en | Some Daily        | LABELLED
      Gori fortress walls restored after the winter        | en | Some Daily        | PROPER
      Gori Fortress Walls Restored After The Winter        | en | Some Daily        | PROPER
      GORI FORTRESS WALLS RESTORED                         | en | Some Daily        | PROPER
      OSCE observers visit Gori on March 3                 | en | Some Daily        | PROPER
      В Гори отреставрировали стены крепости               | ru | Кавказпресс       | PROPER
      -                                                    | en | Some Daily        | NONE
      """)
  void judgesATitleByTheShapeOfItsWords(String title, String language, String source, TitleKind expected) {
    assertThat(TitleKind.of(title, language, ANALYZERS.forLanguage(language))).isEqualTo(expected);
  }
}
