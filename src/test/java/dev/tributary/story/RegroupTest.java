package dev.tributary.story;

import dev.tributary.config.DefaultSettings;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import org.junit.jupiter.api.Test;

/** Regrouping: items decided out of publication order are re-decided as if they had come in order. */
class RegroupTest {
  private static final Instant DAY = ClusteringStoryEngineTest.DAY;
  private static final StoryCandidate EN_BRIDGE = ClusteringStoryEngineTest.EN_BRIDGE;
  private static final StoryCandidate RU_BRIDGE = ClusteringStoryEngineTest.RU_BRIDGE;

  private static StoryCandidate item(long id, String source, String lang, String title, String text, Instant at) {
    return ClusteringStoryEngineTest.item(id, source, lang, title, text, at);
  }

  private static final StoryCandidate HARVEST =
      item(3, "farm-news", "en", "Kakheti grape harvest breaks a record",
          "Vineyards in Kakheti brought in a record grape harvest this autumn, the agriculture ministry said, "
              + "with Rkatsiteli and Saperavi yields up by a fifth on last year.",
          DAY.plusSeconds(5 * 3600));

  @Test
  void itemsDecidedInOrderStayWhereTheyAre() {
    var engine = new ClusteringStoryEngine(DefaultSettings.story());
    store(engine, EN_BRIDGE, 100);
    store(engine, RU_BRIDGE, 200);
    store(engine, HARVEST, 300);
    assertThat(engine.regroupDueFrom()).isEmpty();
    Regrouping r = engine.regroup(DAY.getEpochSecond(), 1000);
    assertThat(r.considered()).isEqualTo(3);
    assertThat(r.moves()).isEmpty();
  }

  @Test
  void twoStoriesOfOneEventMergeIntoTheOlderReportsStory() {
    var engine = new ClusteringStoryEngine(DefaultSettings.story());
    // as if the Russian report had been stored before the English one could be compared with it
    engine.indexed(RU_BRIDGE, 200);
    engine.indexed(EN_BRIDGE, 100);
    engine.indexed(HARVEST, 300);
    Regrouping r = engine.regroup(DAY.getEpochSecond(), 1000);
    assertThat(r.moves()).containsExactly(new Regrouping.Move(2, 200, 100, null));
    // the index already reflects it: a third report of the event finds story 100
    var third = item(4, "wire-three", "en", "Meghri border bridge opened by Aliyev and Pashinyan",
        "The Meghri border bridge between Armenia and Azerbaijan was opened on Tuesday by Ilham Aliyev and "
            + "Nikol Pashinyan, the first road link in 35 years.", DAY.plusSeconds(7200));
    assertThat(engine.assign(third)).isInstanceOfSatisfying(Assignment.Join.class,
        j -> assertThat(j.storyId()).isEqualTo(100));
  }

  @Test
  void aReportWronglyJoinedGetsAStoryOfItsOwnAndTheOlderIdStays() {
    var engine = new ClusteringStoryEngine(DefaultSettings.story());
    engine.indexed(EN_BRIDGE, 100);
    engine.indexed(HARVEST, 100);
    Regrouping r = engine.regroup(DAY.getEpochSecond(), 1000);
    assertThat(r.moves()).hasSize(1);
    Regrouping.Move m = r.moves().get(0);
    assertThat(m.itemId()).isEqualTo(3);
    assertThat(m.fromStory()).isEqualTo(100);
    assertThat(m.toStory()).isNegative();
    engine.placed(m.toStory(), 400);
    var copy = item(5, "farm-copy", "en", HARVEST.title(), HARVEST.text(), DAY.plusSeconds(6 * 3600));
    assertThat(engine.assign(copy)).isInstanceOfSatisfying(Assignment.Join.class,
        j -> assertThat(j.storyId()).isEqualTo(400));
  }

  @Test
  void anItemOlderThanWhatIsIndexedMakesRegroupingDue() {
    var engine = new ClusteringStoryEngine(DefaultSettings.story());
    store(engine, HARVEST, 300);
    store(engine, EN_BRIDGE, 100);
    assertThat(engine.regroupDueFrom()).hasValue(DAY.getEpochSecond());
    engine.regroup(DAY.getEpochSecond(), 1000);
    assertThat(engine.regroupDueFrom()).isEmpty();
  }

  @Test
  void anotherReplicasMoveOnlyRelabelsTheItem() {
    var engine = new ClusteringStoryEngine(DefaultSettings.story());
    engine.indexed(EN_BRIDGE, 100);
    engine.indexed(RU_BRIDGE, 200);
    engine.indexed(RU_BRIDGE, 100);
    assertThat(engine.size()).isEqualTo(2);
    Regrouping r = engine.regroup(DAY.getEpochSecond(), 1000);
    assertThat(r.moves()).isEmpty();
  }

  private static StoryCandidate linked(long id, String source, String url, String title, String text, Instant at) {
    return new StoryCandidate(id, source, url, title, text, "en", at);
  }

  private static final String WIRE_TEXT = "Our correspondent files this dispatch from the capital, carried for subscribers "
      + "of the evening bulletin under the usual syndication terms.";

  @Test
  void reportsCarryingOneArticlesLinkStayInOneStoryThoughTheirTextsDiffer() {
    var engine = new ClusteringStoryEngine(DefaultSettings.story());
    var original = linked(3, "farm-news", "farm.example/2030/harvest", HARVEST.title(), HARVEST.text(), HARVEST.published());
    var wireCopy = linked(6, "wire", "farm.example/2030/harvest#top", "Carried by the wire", WIRE_TEXT,
        HARVEST.published().plusSeconds(600));
    engine.indexed(EN_BRIDGE, 100);
    engine.indexed(original, 300);
    engine.indexed(wireCopy, 300);
    Regrouping r = engine.regroup(DAY.getEpochSecond(), 1000);
    assertThat(r.moves()).isEmpty();
  }

  @Test
  void aSharedLinkJoinsTheStoryOfItsReportOutsideTheSpan() {
    var engine = new ClusteringStoryEngine(DefaultSettings.story());
    var original = linked(3, "farm-news", "farm.example/2030/harvest", HARVEST.title(), HARVEST.text(), HARVEST.published());
    var wireCopy = linked(6, "wire", "farm.example/2030/harvest", "Carried by the wire", WIRE_TEXT,
        HARVEST.published().plusSeconds(3600));
    engine.indexed(original, 300);
    // filed apart, e.g. by an earlier text-only regrouping
    engine.indexed(wireCopy, 500);
    Regrouping r = engine.regroup(wireCopy.published().getEpochSecond(), 1000);
    assertThat(r.moves()).containsExactly(new Regrouping.Move(6, 500, 300, null));
  }

  @Test
  void itemsOfOnePageNamedByDifferentFragmentsAreNotHeldTogether() {
    var engine = new ClusteringStoryEngine(DefaultSettings.story());
    var first = linked(3, "farm-news", "farm.example/live#a1", HARVEST.title(), HARVEST.text(), HARVEST.published());
    var second = linked(6, "farm-news", "farm.example/live#a2", "Carried by the wire", WIRE_TEXT,
        HARVEST.published().plusSeconds(600));
    engine.indexed(first, 300);
    engine.indexed(second, 300);
    Regrouping r = engine.regroup(DAY.getEpochSecond(), 1000);
    assertThat(r.moves()).singleElement().satisfies(m -> {
      assertThat(m.itemId()).isEqualTo(6);
      assertThat(m.toStory()).isNegative();
    });
  }

  private static void store(ClusteringStoryEngine engine, StoryCandidate c, long story) {
    Assignment a = engine.assign(c);
    engine.indexed(c, a instanceof Assignment.Join j ? j.storyId() : story);
  }
}
