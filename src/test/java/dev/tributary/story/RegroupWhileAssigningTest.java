package dev.tributary.story;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tributary.config.DefaultSettings;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * A regrouping is computed on a copy of the engine's index while the engine goes on assigning: a
 * feed is assigned and indexed while the computation is held midway, and the moves applied after
 * are those of the sequential run where nothing conflicts, and leave out what does.
 */
class RegroupWhileAssigningTest {
  private static final Instant DAY = ClusteringStoryEngineTest.DAY;
  // the latches only guard against a hang: a test that waits this long has failed
  private static final long GUARD_SECONDS = 60;

  private final ExecutorService regroupThread = Executors.newSingleThreadExecutor();

  @AfterEach
  void stop() {
    regroupThread.shutdownNow();
  }

  private static StoryCandidate item(long id, String source, String title, String text, Instant at) {
    return ClusteringStoryEngineTest.item(id, source, "en", title, text, at);
  }

  // filed apart as though the Russian report had come before the English one could be compared with it
  private static void storeOutOfOrder(Store store) {
    store.indexed(ClusteringStoryEngineTest.RU_BRIDGE, 200);
    store.indexed(ClusteringStoryEngineTest.EN_BRIDGE, 100);
    store.indexed(item(3, "farm-news", "Kakheti grape harvest breaks a record",
        "Vineyards in Kakheti brought in a record grape harvest this autumn, the agriculture ministry said, "
            + "with Rkatsiteli and Saperavi yields up by a fifth on last year.", DAY.plusSeconds(5 * 3600)), 300);
  }

  /** A feed on other events, published after the span. */
  private static final List<StoryCandidate> OTHER_FEED = List.of(
      item(11, "sports-desk", "Dinamo Tbilisi win the national cup final",
          "Dinamo Tbilisi beat Torpedo Kutaisi two goals to one in the national cup final at the Boris Paichadze "
              + "stadium on Sunday evening, with a late header from their captain.", DAY.plusSeconds(2 * 86_400)),
      item(12, "weather-desk", "Storm closes the Rikoti pass for a day",
          "Snow and high winds closed the Rikoti pass to lorries for a day, the roads department said, and "
              + "crews cleared drifts near Khashuri overnight.", DAY.plusSeconds(2 * 86_400 + 600)),
      item(13, "sports-wire", "Dinamo Tbilisi lift the national cup after beating Torpedo Kutaisi",
          "Dinamo Tbilisi won the national cup final against Torpedo Kutaisi two goals to one at the Boris Paichadze "
              + "stadium on Sunday, the winner a late header from the captain.", DAY.plusSeconds(2 * 86_400 + 1200)));

  private static final StoryCandidate THIRD_BRIDGE_REPORT =
      item(21, "wire-three", "Meghri border bridge opened by Aliyev and Pashinyan",
          "The Meghri border bridge between Armenia and Azerbaijan was opened on Tuesday by Ilham Aliyev and "
              + "Nikol Pashinyan, the first road link in 35 years.", DAY.plusSeconds(7200));

  @Test
  void aFeedIsAssignedWhileTheRegroupingIsComputedAndTheOutcomeIsTheSequentialOne() throws Exception {
    Store sequential = new Store();
    storeOutOfOrder(sequential);
    Regrouping inOneGo = sequential.engine.regroup(DAY.getEpochSecond(), 1000);
    sequential.apply(inOneGo);
    OTHER_FEED.forEach(sequential::assign);

    Store concurrent = new Store();
    storeOutOfOrder(concurrent);
    RegroupPlan plan = concurrent.engine.planRegroup(DAY.getEpochSecond(), 1000);
    Regrouping applied = whileComputing(plan, () -> OTHER_FEED.forEach(concurrent::assign));
    concurrent.apply(applied);

    assertThat(inOneGo.moves()).containsExactly(new Regrouping.Move(2, 200, 100, null));
    assertThat(applied).isEqualTo(inOneGo);
    assertThat(concurrent.stories).isEqualTo(sequential.stories);
    assertThat(concurrent.stories.get(11L)).isEqualTo(concurrent.stories.get(13L));
    assertThat(concurrent.engine.regroupDueFrom()).isEmpty();
    // and the index holds the moves: a later report of the event finds the one story
    assertThat(concurrent.engine.assign(item(22, "wire-four", THIRD_BRIDGE_REPORT.title(), THIRD_BRIDGE_REPORT.text(),
        DAY.plusSeconds(3 * 86_400)))).isInstanceOfSatisfying(Assignment.Join.class,
            j -> assertThat(j.storyId()).isEqualTo(100));
  }

  @Test
  void aReportThatJoinedAStoryThePlanMovesMeanwhileKeepsThatStoryWhole() throws Exception {
    Store store = new Store();
    storeOutOfOrder(store);
    RegroupPlan plan = store.engine.planRegroup(DAY.getEpochSecond(), 1000);
    long joined = whileComputingReturn(plan, () -> store.assign(THIRD_BRIDGE_REPORT));
    Regrouping applied = store.engine.applyRegroup(plan);
    store.apply(applied);

    assertThat(plan.compute().moves()).containsExactly(new Regrouping.Move(2, 200, 100, null));
    // the plan never saw the third report: its move into or out of that report's story waits
    assertThat(joined).isIn(100L, 200L);
    assertThat(applied.moves()).isEmpty();
    assertThat(store.stories).containsEntry(1L, 100L).containsEntry(2L, 200L).containsEntry(21L, joined);
    // the span is due again, and a regrouping with nothing in between finishes the work
    assertThat(store.engine.regroupDueFrom()).isPresent();
    assertThat(store.engine.regroupDueFrom().getAsLong())
        .isLessThanOrEqualTo(ClusteringStoryEngineTest.RU_BRIDGE.published().getEpochSecond());
    store.apply(store.engine.regroup(store.engine.regroupDueFrom().getAsLong(), 1000));
    assertThat(store.stories.get(1L)).isEqualTo(store.stories.get(2L)).isEqualTo(store.stories.get(21L));
    assertThat(store.stories.get(3L)).isEqualTo(300L);
  }

  @Test
  void aMoveOfAnItemAnotherReplicaMovedMeanwhileIsLeftOut() throws Exception {
    Store store = new Store();
    storeOutOfOrder(store);
    RegroupPlan plan = store.engine.planRegroup(DAY.getEpochSecond(), 1000);
    // another replica's regrouping, caught up on while this one computes: the Russian report goes to 500
    whileComputing(plan, () -> store.indexed(ClusteringStoryEngineTest.RU_BRIDGE, 500));
    Regrouping applied = store.engine.applyRegroup(plan);
    assertThat(applied.moves()).isEmpty();
    assertThat(store.engine.regroupDueFrom()).isPresent();
  }

  @Test
  void aPlanTakenBeforeTheIndexWasClearedMovesNothing() {
    Store store = new Store();
    storeOutOfOrder(store);
    RegroupPlan plan = store.engine.planRegroup(DAY.getEpochSecond(), 1000);
    plan.compute();
    store.engine.clear();
    assertThat(store.engine.applyRegroup(plan).moves()).isEmpty();
  }

  @Test
  void aFailedComputationLeavesTheSpanDueAndAppliesNothing() {
    Store store = new Store();
    storeOutOfOrder(store);
    RegroupPlan plan = store.engine.planRegroup(DAY.getEpochSecond(), 1000);
    assertThat(store.engine.regroupDueFrom()).isEmpty();
    store.engine.regroupFailed(plan);
    assertThat(store.engine.regroupDueFrom()).hasValue(DAY.getEpochSecond());
    assertThat(store.engine.applyRegroup(plan).moves()).isEmpty();
  }

  @Test
  void aNewStorySplitOffGetsItsIdOnceCreated() throws Exception {
    Store store = new Store();
    var harvest = item(3, "farm-news", "Kakheti grape harvest breaks a record",
        "Vineyards in Kakheti brought in a record grape harvest this autumn, the agriculture ministry said, "
            + "with Rkatsiteli and Saperavi yields up by a fifth on last year.", DAY.plusSeconds(5 * 3600));
    store.indexed(ClusteringStoryEngineTest.EN_BRIDGE, 100);
    store.indexed(harvest, 100);
    RegroupPlan plan = store.engine.planRegroup(DAY.getEpochSecond(), 1000);
    whileComputing(plan, () -> OTHER_FEED.forEach(store::assign));
    Regrouping applied = store.engine.applyRegroup(plan);
    store.apply(applied);
    assertThat(store.stories.get(3L)).isNotEqualTo(100L).isPositive();
    var copy = item(5, "farm-copy", harvest.title(), harvest.text(), DAY.plusSeconds(3 * 86_400));
    assertThat(store.engine.assign(copy)).isInstanceOfSatisfying(Assignment.Join.class,
        j -> assertThat(j.storyId()).isEqualTo(store.stories.get(3L)));
  }

  /**
   * Computes the plan on another thread, runs {@code meanwhile} on this one while the computation
   * is held after its first pass, and returns what the engine then applies.
   */
  private Regrouping whileComputing(RegroupPlan plan, Runnable meanwhile) throws Exception {
    whileComputingReturn(plan, () -> {
      meanwhile.run();
      return 0L;
    });
    return plan.compute();
  }

  private long whileComputingReturn(RegroupPlan plan, java.util.function.LongSupplier meanwhile) throws Exception {
    CountDownLatch midway = new CountDownLatch(1);
    CountDownLatch done = new CountDownLatch(1);
    Future<Regrouping> computing = regroupThread.submit(() -> plan.compute(() -> {
      midway.countDown();
      await(done);
    }));
    assertThat(midway.await(GUARD_SECONDS, TimeUnit.SECONDS)).as("computation reached its midpoint").isTrue();
    assertThat(computing).isNotDone();
    long out = meanwhile.getAsLong();
    assertThat(computing).as("held midway while the engine assigned").isNotDone();
    done.countDown();
    computing.get(GUARD_SECONDS, TimeUnit.SECONDS);
    return out;
  }

  private static void await(CountDownLatch latch) {
    try {
      if (!latch.await(GUARD_SECONDS, TimeUnit.SECONDS)) {
        throw new IllegalStateException("never released");
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  /** The engine and what a store would hold: each item's story, new stories numbered from 1000. */
  private static final class Store {
    final ClusteringStoryEngine engine = new ClusteringStoryEngine(DefaultSettings.story());
    final Map<Long, Long> stories = new HashMap<>();
    private long nextStory = 1000;

    void indexed(StoryCandidate c, long story) {
      engine.indexed(c, story);
      stories.put(c.itemId(), story);
    }

    long assign(StoryCandidate c) {
      Assignment a = engine.assign(c);
      long story = a instanceof Assignment.Join j ? j.storyId() : nextStory++;
      indexed(c, story);
      return story;
    }

    // as the store applies moves: each from the story the item is in, placeholders created in order
    void apply(Regrouping r) {
      Map<Long, Long> created = new HashMap<>();
      for (Regrouping.Move m : r.moves()) {
        assertThat(stories.get(m.itemId())).isEqualTo(m.fromStory());
        long to = m.toStory();
        if (to < 0) {
          to = created.computeIfAbsent(to, k -> {
            long id = nextStory++;
            engine.placed(k, id);
            return id;
          });
        }
        stories.put(m.itemId(), to);
      }
    }
  }
}
