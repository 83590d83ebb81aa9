package dev.tributary.story;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tributary.config.DefaultSettings;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** The share of a headline's names the other report lacks, and the titles that name nothing. */
class HeadlineNamesTest {

  private static final Instant AT = Instant.parse("2030-05-01T10:00:00Z");
  private static final String BRIDGE = "Azerbaijani President Ilham Aliyev and Armenian Prime Minister Nikol "
      + "Pashinyan on Tuesday opened the new road bridge at Meghri, the first link between the two countries in "
      + "decades. Aliyev called the bridge a promise kept; Pashinyan said trucks would cross from Monday. ";

  private static StoryCandidate report(long id, String title, String text) {
    return ClusteringStoryEngineTest.item(id, "outlet-" + id, "en", title, text, AT);
  }

  private final StoryCandidate meeting = report(1, "Aliyev and Pashinyan meet at Meghri", BRIDGE
      + "The guests at Meghri were shown the customs post that opens in June.");
  private final StoryCandidate bridge = report(2, "Road bridge opens between the neighbours", BRIDGE
      + "Engineers at Meghri said the bridge had taken three years to build.");
  private final StoryCandidate visit = report(3, "Kobakhidze and Erdogan meet in Ankara",
      "Georgian Prime Minister Irakli Kobakhidze and Turkish President Recep Tayyip Erdogan met in Ankara on "
          + "Tuesday and spoke of a new road bridge between the two countries. Kobakhidze said trucks would "
          + "cross from Monday; Erdogan called the bridge a promise kept. The talks in Ankara lasted four hours.");
  private final StoryCandidate byline = report(4, "Text: Anna Beridze, Kutaisi", BRIDGE
      + "Anna Beridze reported from Kutaisi, where the news of the Meghri bridge was welcomed.");

  @Test
  void reportsWhoseHeadlinesNameOthersAreLessAlike() {
    var probe = new PairProbe(DefaultSettings.story());
    PairFeatures same = probe.compare(meeting, bridge);
    PairFeatures other = probe.compare(meeting, visit);

    assertThat(same.headlineMissing()).isZero();
    assertThat(other.headlineMissing()).isEqualTo(1.0);
    double[] w = new double[PairModel.FEATURES.size()];
    w[PairModel.FEATURES.indexOf("headlineMissing")] = -2;
    w[PairModel.FEATURES.indexOf("body")] = 4;
    var model = new PairModel("test", 0, w);
    assertThat(model.probability(other)).isLessThan(model.probability(same));
  }

  @Test
  void aBylineTitleIsNeutral() {
    var probe = new PairProbe(DefaultSettings.story());
    // the byline's names are in its own text, yet absent from the other report: still no evidence
    assertThat(probe.compare(byline, meeting).headlineMissing()).isZero();
    assertThat(probe.compare(meeting, byline).headlineMissing()).isZero();
  }

  @Test
  void anOpeningSentenceForTitleIsNeutral() {
    var probe = new PairProbe(DefaultSettings.story());
    var lead = report(6, "Azerbaijani President Ilham Aliyev and Armenian Prime Minister Nikol Pashinyan on Tuesday "
        + "opened the new road bridge at Meghri, watched by guests from Kutaisi and Yerevan", BRIDGE
        + "Guests from Kutaisi and Yerevan watched the ceremony at Meghri.");
    assertThat(probe.compare(lead, bridge).headlineMissing()).isZero();
  }

  @Test
  void acrossLanguagesNoHeadlineIsJudged() {
    var probe = new PairProbe(DefaultSettings.story());
    var russian = ClusteringStoryEngineTest.item(5, "outlet-5", "ru", "Кобахидзе и Эрдоган встретились в Анкаре",
        "Премьер-министр Грузии Ираклий Кобахидзе и президент Турции Реджеп Тайип Эрдоган встретились в Анкаре "
            + "во вторник и обсудили новый мост между странами. Кобахидзе сказал, что грузовики пойдут с понедельника.",
        AT);
    assertThat(probe.compare(meeting, russian).headlineMissing()).isZero();
  }
}
