package dev.tributary.story;

import dev.tributary.config.DefaultSettings;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The engine on invented reports (our own text): one event in two languages, and its neighbours. */
class ClusteringStoryEngineTest {

  static final Instant DAY = Instant.parse("2030-03-10T09:00:00Z");

  private ClusteringStoryEngine engine;

  @BeforeEach
  void setUp() {
    engine = new ClusteringStoryEngine(DefaultSettings.story());
  }

  static StoryCandidate item(long id, String source, String lang, String title, String text, Instant at) {
    return new StoryCandidate(id, source, "https://" + source + "/" + id, title, text, lang, at);
  }

  private long store(StoryCandidate c) {
    Assignment a = engine.assign(c);
    long story = a instanceof Assignment.Join j ? j.storyId() : c.itemId() * 100;
    engine.indexed(c, story);
    return story;
  }

  static final StoryCandidate EN_BRIDGE =
      item(1, "wire-one", "en", "Aliyev and Pashinyan open the Meghri border bridge",
          "Azerbaijani President Ilham Aliyev and Armenian Prime Minister Nikol Pashinyan on Tuesday opened "
              + "the new Meghri border bridge, the first road link between the two countries in 35 years. "
              + "The ceremony in Meghri was attended by 300 guests, officials said.",
          DAY);

  static final StoryCandidate RU_BRIDGE =
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

  /** Analysis done ahead (before a caller's lock) decides as analysis done on the spot. */
  @Test
  void preparedItemsAreDecidedAsUnpreparedOnes() {
    long story = store(EN_BRIDGE);
    StoryCandidate ru = new StoryCandidate(0, RU_BRIDGE.sourceId(), RU_BRIDGE.url(), RU_BRIDGE.title(), RU_BRIDGE.text(),
        RU_BRIDGE.language(), RU_BRIDGE.published());
    StoryCandidate other = new StoryCandidate(0, EN_OTHER_EVENT.sourceId(), EN_OTHER_EVENT.url(), EN_OTHER_EVENT.title(),
        EN_OTHER_EVENT.text(), EN_OTHER_EVENT.language(), EN_OTHER_EVENT.published());
    engine.prepare(List.of(ru, other));

    Assignment joined = engine.assign(ru);
    assertThat(joined).isInstanceOf(Assignment.Join.class);
    assertThat(((Assignment.Join) joined).storyId()).isEqualTo(story);
    engine.indexed(RU_BRIDGE, story);
    assertThat(engine.assign(other)).isInstanceOf(Assignment.NewStory.class);
    engine.indexed(EN_OTHER_EVENT, 300);
    assertThat(engine.size()).isEqualTo(3);
  }

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

  /**
   * A headline stream in one feed (an aggregator, or a data set such as MStream): lower-case
   * titles, no body, no dates, one source for every story. Eight invented events, five headlines
   * each, arriving interleaved as such a stream does.
   */
  private static final String[][] HEADLINE_STORIES = {
    {"volcano erupts on lindqvist island, flights grounded",
        "lindqvist island volcano eruption forces airport closure",
        "ash cloud from lindqvist volcano grounds regional flights",
        "lindqvist eruption: residents evacuated as volcano spews ash",
        "airlines cancel flights after lindqvist island volcano erupts"},
    {"orbital telescope helix-9 captures first image of distant galaxy",
        "helix-9 space telescope sends back its first galaxy image",
        "first image from helix-9 telescope shows spiral galaxy",
        "astronomers celebrate helix-9 telescope first light galaxy picture",
        "helix-9 orbital telescope first image released"},
    {"marbury rovers sack manager after cup defeat",
        "marbury rovers part ways with manager following cup exit",
        "manager sacked by marbury rovers after shock cup defeat",
        "marbury rovers fire manager, search for replacement begins",
        "cup defeat costs marbury rovers manager his job"},
    {"quillon pharma recalls blood pressure pills over contamination",
        "quillon recall: blood pressure tablets pulled from pharmacies",
        "contamination prompts quillon pharma pill recall",
        "quillon pharma blood pressure medicine recall widens",
        "patients told to check quillon blood pressure pills after recall"},
    {"teachers in dravia strike over pay",
        "dravia teachers walk out in pay dispute, schools closed",
        "schools shut as dravia teachers strike for higher pay",
        "dravia teacher strike enters second day over pay",
        "pay talks fail as dravia teachers continue strike"},
    {"zentek unveils foldable phone with three screens",
        "zentek three-screen foldable phone revealed at launch event",
        "hands on with zentek new foldable three screen phone",
        "zentek foldable phone price and release date announced at launch",
        "zentek launch: foldable phone gets three screens"},
    {"heatwave breaks temperature record in port selby",
        "port selby swelters as heatwave sets new temperature record",
        "record temperature in port selby amid heatwave",
        "heatwave: port selby records hottest day ever",
        "port selby heatwave record prompts health warning"},
    {"central bank of ostmark raises interest rates to fight inflation",
        "ostmark central bank hikes interest rates again",
        "ostmark interest rate rise as central bank targets inflation",
        "inflation pushes ostmark central bank to raise rates",
        "ostmark rates raised by central bank, mortgages to cost more"},
  };

  private static StoryCandidate headline(long id, String title) {
    return new StoryCandidate(id, "headline-feed", "https://headline-feed/" + id, title, "", "en", null);
  }

  @Test
  void oneFeedOfHeadlinesClustersIntoItsStories() {
    List<Long> predicted = new ArrayList<>();
    List<Integer> gold = new ArrayList<>();
    long id = 100;
    for (int round = 0; round < 5; round++) {
      for (int story = 0; story < HEADLINE_STORIES.length; story++) {
        predicted.add(store(headline(id++, HEADLINE_STORIES[story][round])));
        gold.add(story);
      }
    }
    // a stream that cannot join its own reports would leave forty single-item stories
    assertThat(new HashSet<>(predicted)).hasSizeLessThanOrEqualTo(2 * HEADLINE_STORIES.length);
    var scores = ClusterMetrics.bcubed(predicted, gold);
    assertThat(scores.precision()).isGreaterThanOrEqualTo(0.9);
    assertThat(scores.recall()).isGreaterThanOrEqualTo(0.6);
  }

  @Test
  void aReloadedHeadlineFeedStillClusters() {
    List<StoryCandidate> items = new ArrayList<>();
    List<Long> stories = new ArrayList<>();
    long id = 100;
    for (int round = 0; round < 4; round++) {
      for (String[] story : HEADLINE_STORIES) {
        items.add(headline(id++, story[round]));
        stories.add(store(items.get(items.size() - 1)));
      }
    }
    int joined = 0;
    for (int story = 0; story < HEADLINE_STORIES.length; story++) {
      // a restart: the index is rebuilt from the stored items without assigning them again, and
      // the first new headline must find its story at once
      engine.clear();
      for (int i = 0; i < items.size(); i++) {
        engine.indexed(items.get(i), stories.get(i));
      }
      Assignment a = engine.assign(headline(id++, HEADLINE_STORIES[story][4]));
      joined += a instanceof Assignment.Join ? 1 : 0;
    }
    assertThat(joined).isGreaterThanOrEqualTo(HEADLINE_STORIES.length - 2);
  }

  private static StoryCandidate bridgeFollowUp(long id, String source) {
    return item(id, source, "en", "Meghri border bridge: first lorries cross after Aliyev and Pashinyan opening",
        "The first lorries crossed the Meghri border bridge on Wednesday, a day after Ilham Aliyev and Nikol "
            + "Pashinyan opened it. Customs officers said 40 trucks passed in the morning.",
        DAY.plusSeconds(86_400));
  }

  @Test
  void anOutletsSecondReportNeedsACloserMatchThanAnotherOutletsReport() {
    // the story model weighs a story that already holds the outlet's report (an outlet seldom
    // files two reports of one event): the same follow-up scores lower from the first report's outlet
    var first = new ClusteringStoryEngine(DefaultSettings.story());
    first.indexed(EN_BRIDGE, 1000);
    Assignment fromSameOutlet = first.assign(bridgeFollowUp(21, "wire-one"));
    var other = new ClusteringStoryEngine(DefaultSettings.story());
    other.indexed(EN_BRIDGE, 1000);
    Assignment fromAnotherOutlet = other.assign(bridgeFollowUp(21, "wire-three"));
    assertThat(fromAnotherOutlet).isInstanceOf(Assignment.Join.class);
    double otherScore = ((Assignment.Join) fromAnotherOutlet).score();
    if (fromSameOutlet instanceof Assignment.Join j) {
      assertThat(j.score()).isLessThan(otherScore);
    }
    assertThat(new StoryDecision(DefaultSettings.story()).storyScore(otherScore, otherScore, true, "wire-one"))
        .isLessThan(otherScore);
  }

  private static StoryCandidate jam(long id, String source, String day, Instant published) {
    return item(id, source, "en", "Tbilisi traffic jams worst among capitals, navigation index shows",
        "On " + day + " Tbilisi had the worst traffic of the region's capitals, the navigation index "
            + "showed: 8.4 points by the evening rush hour, against 6.1 in Yerevan and 5.9 in Baku. "
            + "City hall blamed the roadworks on Rustaveli avenue and promised to finish them soon.",
        published);
  }

  private static StoryCandidate jamAgain(long id, String source, String day) {
    return item(id, source, "en", "Tbilisi again tops the capitals' traffic index",
        "Tbilisi drivers spent the longest in jams of the region's capitals on " + day + ", with the "
            + "navigation index at 7.9 points; Baku followed with 6.4 and Yerevan with 6.0. Drivers on "
            + "social media blamed the closed lanes near Heroes square.",
        null);
  }

  @Test
  void undatedReportsWhoseOpeningsDateThemDaysApartAreTwoEvents() {
    store(jam(1, "city-news", "4 May", null));
    assertThat(engine.assign(jamAgain(2, "road-radio", "9 May"))).isInstanceOf(Assignment.NewStory.class);
    assertThat(engine.assign(jamAgain(3, "road-radio", "4 May"))).isInstanceOf(Assignment.Join.class);
  }

  @Test
  void aDatedReportCitingAnEarlierDayIsStillTheSameEvent() {
    Instant may9 = Instant.parse("2030-05-09T18:00:00Z");
    store(jam(1, "city-news", "9 May", may9));
    // opens with the background date of the roadworks, not of the jam it reports
    var later = item(2, "road-radio", "en", "Tbilisi traffic jams worst among capitals, navigation index shows",
        "Since 2 May, when the roadworks on Rustaveli avenue began, Tbilisi has had the worst traffic of "
            + "the region's capitals: 8.4 points by the evening rush hour, against 6.1 in Yerevan and 5.9 in Baku, "
            + "the navigation index showed. City hall promised to finish them soon.",
        may9.plusSeconds(3600));
    assertThat(engine.assign(later)).isInstanceOf(Assignment.Join.class);
  }
}
