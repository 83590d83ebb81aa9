package dev.tributary.story;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tributary.config.DefaultSettings;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class HeadlineAgentTest {

  private final ProfileBuilder builder = new ProfileBuilder(DefaultSettings.story());
  private final CrossScriptKeys keys = new CrossScriptKeys();

  @Test
  void theHeadlinesFirstNameTheTextRepeatsIsItsActor() {
    Analysis a = builder.analyse(report(1, "ru", "Роспотребнадзор объяснил вред сладких напитков",
        "Специалисты Роспотребнадзора рассказали, что сладкие напитки вредят зубам и сердцу."), 0);
    assertThat(a.agent()).containsExactly(keys.key("роспотребнадзор"));
  }

  @Test
  void aCapitalTheTextGivesOnlyAtASentencesStartIsPassedOver() {
    // "Сладкие" opens the headline, and the text only capitalizes it where a sentence begins: no name
    Analysis a = builder.analyse(report(1, "ru", "Сладкие напитки вредны, заявили в Роспотребнадзоре",
        "Сладкие напитки вредят зубам, сообщили в Роспотребнадзоре. Врачи считают, что сладкие напитки опасны."), 0);
    assertThat(a.agent()).containsExactly(keys.key("роспотребнадзор"));
  }

  @Test
  void aHeadlineInTitleCaseHasNone() {
    Analysis a = builder.analyse(report(1, "en", "Health Ministry Explains Harm Of Sugary Drinks",
        "The Health Ministry said on Monday that sugary drinks harm teeth and the heart."), 0);
    assertThat(a.agent()).isEmpty();
  }

  @Test
  void oneClaimFromTwoBodiesClashesAndFromOneDoesNot() {
    PairProbe probe = new PairProbe(DefaultSettings.story());
    String claim = "сладкие напитки вредят зубам и сердцу, поэтому их стоит пить как можно реже, особенно детям и пожилым людям";
    StoryCandidate ministry = report(1, "ru", "Роспотребнадзор объяснил вред сладких напитков",
        "Специалисты Роспотребнадзора рассказали, что " + claim + ".");
    StoryCandidate union = report(2, "ru", "Союз врачей: сладкие напитки вредны",
        "Члены Союза врачей напоминают, что " + claim + ".");
    StoryCandidate ministryAgain = report(3, "ru", "Роспотребнадзор предупредил о вреде сладких напитков",
        "В Роспотребнадзоре предупредили, что " + claim + ".");
    StoryCandidate unionQuotingMinistry = report(4, "ru", "Союз врачей поддержал выводы",
        "Союз врачей согласился с Роспотребнадзором: " + claim + ".");
    for (StoryCandidate c : new StoryCandidate[] {ministry, union, ministryAgain, unionQuotingMinistry}) {
      probe.index(c, c.itemId());
    }
    assertThat(probe.compare(ministry, union).agentClash()).isTrue();
    assertThat(probe.compare(ministry, ministryAgain).agentClash()).isFalse();
    assertThat(probe.compare(ministry, unionQuotingMinistry).agentClash()).isFalse();
  }

  private static StoryCandidate report(long id, String language, String title, String text) {
    return new StoryCandidate(id, "s" + id, "https://example.org/" + id, title, text, language,
        Instant.parse("2026-05-25T10:00:00Z"));
  }
}
