package dev.tributary.story;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Tag;
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
    var engine = new ClusteringStoryEngine();
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
    var engine = new ClusteringStoryEngine();
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
    var engine = new ClusteringStoryEngine();
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
    var engine = new ClusteringStoryEngine();
    store(engine, HARVEST, 300);
    store(engine, EN_BRIDGE, 100);
    assertThat(engine.regroupDueFrom()).hasValue(DAY.getEpochSecond());
    engine.regroup(DAY.getEpochSecond(), 1000);
    assertThat(engine.regroupDueFrom()).isEmpty();
  }

  @Test
  void anotherReplicasMoveOnlyRelabelsTheItem() {
    var engine = new ClusteringStoryEngine();
    engine.indexed(EN_BRIDGE, 100);
    engine.indexed(RU_BRIDGE, 200);
    engine.indexed(RU_BRIDGE, 100);
    assertThat(engine.size()).isEqualTo(2);
    Regrouping r = engine.regroup(DAY.getEpochSecond(), 1000);
    assertThat(r.moves()).isEmpty();
  }

  /**
   * The development set fed outlet by outlet, as polling delivers it, then regrouped, ends in the
   * same stories as when it arrived in publication order and was regrouped: the outcome no
   * longer depends on which feed was polled first. (Regrouped, all items weigh words with the
   * same document frequencies, so it may differ from a single pass in publication order.)
   */
  @Test
  @Tag("bench") // reads the labelled story data, which stays outside the repository
  void afterRegroupingTheStoriesDoNotDependOnArrivalOrder() throws IOException {
    var file = LabelledArticles.shared("caucasus-dev.jsonl")
        .orElseThrow(() -> new IllegalStateException("labelled story data not found (-Dtributary.shared)"));
    List<LabelledArticles.Article> byTime = LabelledArticles.articles(file);
    Map<String, List<LabelledArticles.Article>> byOutlet = new LinkedHashMap<>();
    for (var a : byTime) {
      byOutlet.computeIfAbsent(a.candidate().sourceId(), k -> new ArrayList<>()).add(a);
    }
    List<LabelledArticles.Article> outletOrder = new ArrayList<>();
    byOutlet.values().forEach(outletOrder::addAll);
    List<LabelledArticles.Article> reversed = new ArrayList<>(outletOrder);
    java.util.Collections.reverse(reversed);

    var inOrder = partition(run(byTime, true));
    assertThat(partition(run(outletOrder, true))).isEqualTo(inOrder);
    assertThat(partition(run(reversed, true))).isEqualTo(inOrder);
    double f1 = bcubedF1(run(outletOrder, true), byTime);
    System.out.printf("outlet by outlet: F1 %.3f without regrouping, %.3f regrouped%n",
        bcubedF1(run(outletOrder, false), byTime), f1);
    assertThat(f1).isGreaterThan(0.85);
  }

  private static java.util.Set<java.util.Set<Long>> partition(Map<Long, Long> storyOf) {
    Map<Long, java.util.Set<Long>> groups = new HashMap<>();
    storyOf.forEach((item, story) -> groups.computeIfAbsent(story, k -> new java.util.TreeSet<>()).add(item));
    return new java.util.HashSet<>(groups.values());
  }

  private static Map<Long, Long> run(List<LabelledArticles.Article> order, boolean regroup) {
    var engine = new ClusteringStoryEngine();
    Map<Long, Long> storyOf = new HashMap<>();
    long next = 1;
    for (var a : order) {
      Assignment as = engine.assign(a.candidate());
      long story = as instanceof Assignment.Join j ? j.storyId() : next++;
      engine.indexed(a.candidate(), story);
      storyOf.put(a.candidate().itemId(), story);
    }
    if (regroup) {
      Regrouping r = engine.regroup(Long.MIN_VALUE, 10_000);
      Map<Long, Long> placed = new HashMap<>();
      for (var m : r.moves()) {
        long to = m.toStory() < 0 ? placed.computeIfAbsent(m.toStory(), k -> 1_000_000L + placed.size()) : m.toStory();
        storyOf.put(m.itemId(), to);
      }
      placed.forEach(engine::placed);
    }
    return storyOf;
  }

  private static double bcubedF1(Map<Long, Long> storyOf, List<LabelledArticles.Article> order) {
    List<Long> predicted = new ArrayList<>();
    List<String> gold = new ArrayList<>();
    for (var a : order) {
      predicted.add(storyOf.get(a.candidate().itemId()));
      gold.add(a.story());
    }
    return ClusterMetrics.bcubed(predicted, gold).f1();
  }

  private static void store(ClusteringStoryEngine engine, StoryCandidate c, long story) {
    Assignment a = engine.assign(c);
    engine.indexed(c, a instanceof Assignment.Join j ? j.storyId() : story);
  }
}
