package dev.tributary.story;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The engine on invented reports (our own text): one event in two languages, and its neighbours. */
class ClusteringStoryEngineTest {

  private static final Instant DAY = Instant.parse("2030-03-10T09:00:00Z");

  private ClusteringStoryEngine engine;

  @BeforeEach
  void setUp() {
    engine = new ClusteringStoryEngine();
  }

  private static StoryCandidate item(long id, String source, String lang, String title, String text, Instant at) {
    return new StoryCandidate(id, source, "https://" + source + "/" + id, title, text, lang, at);
  }

  private long store(StoryCandidate c) {
    Assignment a = engine.assign(c);
    long story = a instanceof Assignment.Join j ? j.storyId() : c.itemId() * 100;
    engine.indexed(c, story);
    return story;
  }

  private static final StoryCandidate EN_BRIDGE =
      item(1, "wire-one", "en", "Aliyev and Pashinyan open the Meghri border bridge",
          "Azerbaijani President Ilham Aliyev and Armenian Prime Minister Nikol Pashinyan on Tuesday opened "
              + "the new Meghri border bridge, the first road link between the two countries in 35 years. "
              + "The ceremony in Meghri was attended by 300 guests, officials said.",
          DAY);

  private static final StoryCandidate RU_BRIDGE =
      item(2, "wire-two", "ru", "Алиев и Пашинян открыли мост на границе у Мегри",
          "Президент Азербайджана Ильхам Алиев и премьер-министр Армении Никол Пашинян во вторник открыли "
              + "новый пограничный мост у Мегри — первую автомобильную связь между двумя странами за 35 лет. "
              + "На церемонии в Мегри присутствовали 300 гостей.",
          DAY.plusSeconds(3 * 3600));

  private static final StoryCandidate EN_OTHER_EVENT =
      item(3, "wire-three", "en", "Aliyev and Pashinyan discuss water sharing at Vienna talks",
          "Ilham Aliyev and Nikol Pashinyan met in Vienna on Monday to discuss sharing the waters of the "
              + "Araks river, diplomats said. No agreement was announced after four hours of talks at the "
              + "Hofburg palace, and experts will meet again in June.",
          DAY.plusSeconds(6 * 86_400));

  @Test
  void englishAndRussianReportsOfOneEventJoin() {
    long story = store(EN_BRIDGE);
    Assignment a = engine.assign(RU_BRIDGE);
    assertThat(a).isInstanceOf(Assignment.Join.class);
    assertThat(((Assignment.Join) a).storyId()).isEqualTo(story);
    assertThat(((Assignment.Join) a).duplicateOfItemId()).isNull();
  }

  @Test
  void sameActorsOnAnotherDayAreAnotherStory() {
    store(EN_BRIDGE);
    store(RU_BRIDGE);
    assertThat(engine.assign(EN_OTHER_EVENT)).isInstanceOf(Assignment.NewStory.class);
  }

  @Test
  void repostUnderAnotherUrlIsADuplicate() {
    long story = store(EN_BRIDGE);
    var copy = item(4, "mirror-site", "en", "Aliyev, Pashinyan open Meghri border bridge", EN_BRIDGE.text(),
        DAY.plusSeconds(1800));
    Assignment a = engine.assign(copy);
    assertThat(a).isInstanceOf(Assignment.Join.class);
    assertThat(((Assignment.Join) a).storyId()).isEqualTo(story);
    assertThat(((Assignment.Join) a).duplicateOfItemId()).isEqualTo(1L);
  }

  @Test
  void sameUrlIsTheSameReport() {
    long story = store(EN_BRIDGE);
    var again = new StoryCandidate(9, "other", EN_BRIDGE.url(), "x", "y", "en", DAY);
    assertThat(engine.assign(again)).isEqualTo(new Assignment.Join(story, 1L, 1.0));
  }

  @Test
  void clearForgetsEverythingAndRebuildRestoresIt() {
    long story = store(EN_BRIDGE);
    engine.clear();
    assertThat(engine.size()).isZero();
    assertThat(engine.assign(RU_BRIDGE)).isInstanceOf(Assignment.NewStory.class);
    engine.indexed(EN_BRIDGE, story);
    assertThat(engine.assign(RU_BRIDGE)).isInstanceOf(Assignment.Join.class);
  }

  @Test
  void anArchiveArrivingAfterTodaysNewsStillFindsItsNeighbours() {
    var today = item(5, "wire-four", "en", "Unrelated harvest report", "Farmers reported a good harvest.",
        DAY.plusSeconds(400L * 86_400));
    store(today);
    long story = store(EN_BRIDGE);
    assertThat(engine.size()).isEqualTo(2);
    assertThat(engine.assign(RU_BRIDGE)).isInstanceOfSatisfying(Assignment.Join.class,
        j -> assertThat(j.storyId()).isEqualTo(story));
  }
}
