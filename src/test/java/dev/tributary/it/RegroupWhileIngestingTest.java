package dev.tributary.it;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import dev.tributary.ingest.IncomingItem;
import dev.tributary.ingest.IngestReport;
import dev.tributary.ingest.IngestService;
import dev.tributary.ingest.RegroupJob;
import dev.tributary.ingest.StoryIndexLoader;
import dev.tributary.store.ItemEntity;
import dev.tributary.store.StoryEntity;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.hamcrest.Matchers;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Regrouping never pauses ingestion: while a regrouping is being computed (held there by the test
 * engine), a feed is ingested to the end on this replica. The moves applied after leave every
 * report in exactly one story, with counts that match, and a story that gained a report meanwhile
 * is left for the next regrouping rather than merged on a view that never saw it.
 */
@QuarkusTest
@TestProfile(RegroupWhileIngestingTest.Profile.class)
class RegroupWhileIngestingTest {
  public static class Profile implements QuarkusTestProfile {
    @Override
    public Set<Class<?>> getEnabledAlternatives() {
      return Set.of(HeldRegroupEngine.class);
    }
  }

  // guards against a hang only: a test that waits this long has failed
  private static final long GUARD_SECONDS = 50;

  @Inject IngestService ingest;
  @Inject StoryIndexLoader loader;
  @Inject RegroupJob regroup;

  private final ExecutorService background = Executors.newFixedThreadPool(2);

  @AfterEach
  void stop() {
    background.shutdownNow();
  }

  private static IncomingItem item(String guid, String source, String title, String text, Instant at, String lang) {
    return new IncomingItem(guid, "https://" + source + ".example/rw/" + guid, title, "<p>" + text + "</p>", text, null,
        lang, at, null);
  }

  private static final String EN_TEXT = "Azerbaijani President Ilham Aliyev and Armenian Prime Minister Nikol Pashinyan"
      + " on Tuesday opened the new Meghri border bridge, the first road link between the two countries in 35 years."
      + " The ceremony in Meghri was attended by 300 guests, officials said.";

  /**
   * The bridge event split in two stories as another arrival order could leave it, and a late report
   * that makes the span due; returns {English report's story, Russian report's story}.
   */
  private long[] splitEvent(String tag, Instant t0) {
    ingest.ingest("flaky", List.of(item(tag + "-en", "flaky", "Aliyev and Pashinyan open the Meghri border bridge",
        EN_TEXT, t0, "en")));
    ingest.ingest("mirror", List.of(item(tag + "-ru", "mirror", "Алиев и Пашинян открыли мост на границе у Мегри",
        "Президент Азербайджана Ильхам Алиев и премьер-министр Армении Никол Пашинян во вторник открыли новый"
            + " пограничный мост у Мегри — первую автомобильную связь между двумя странами за 35 лет. На церемонии"
            + " в Мегри присутствовали 300 гостей.", t0.plusSeconds(3 * 3600), "ru")));
    long bridge = storyOf(tag + "-en");
    long split = QuarkusTransaction.requiringNew().call(() -> {
      StoryEntity s = new StoryEntity();
      s.publicId = tag + "-split";
      s.title = "split";
      s.created = t0;
      s.updated = t0;
      s.itemCount = 1;
      s.persist();
      ItemEntity ru = ItemEntity.find("guid", tag + "-ru").firstResult();
      ru.storyId = s.id;
      StoryEntity.<StoryEntity>findById(bridge).itemCount = 1;
      return s.id;
    });
    loader.rebuild();
    ingest.ingest("flaky", List.of(item(tag + "-late", "flaky", "Dinamo Tbilisi win the cup final on penalties",
        "Dinamo Tbilisi beat Dila Gori on penalties in the Georgian cup final at the Boris Paichadze stadium.",
        t0.minusSeconds(2 * 3600), "en")));
    return new long[] {bridge, split};
  }

  @Test
  void aFeedIsIngestedWhileARegroupingIsComputed() throws Exception {
    Instant t0 = Instant.parse("2026-11-20T08:00:00Z");
    long[] stories = splitEvent("rw1", t0);
    CountDownLatch[] hold = HeldRegroupEngine.hold();
    Future<Integer> regrouping = background.submit(regroup::runNow);
    assertThat(hold[0].await(GUARD_SECONDS, TimeUnit.SECONDS)).as("the regrouping is being computed").isTrue();

    Future<IngestReport> feed = background.submit(() -> ingest.ingest("herald", List.of(
        item("rw1-storm", "herald", "Storm closes the Rikoti pass for a day",
            "Snow and high winds closed the Rikoti pass to lorries for a day, the roads department said, and crews"
                + " cleared drifts near Khashuri overnight.", t0.plusSeconds(2 * 86_400), "en"),
        item("rw1-quake", "herald", "Light earthquake felt in Racha",
            "A light earthquake of magnitude 3.9 was felt in Racha and Lechkhumi on Wednesday night, the seismic"
                + " monitoring centre said; no damage was reported.", t0.plusSeconds(2 * 86_400 + 600), "en"))));
    assertThat(feed.get(GUARD_SECONDS, TimeUnit.SECONDS).added()).isEqualTo(2);
    assertThat(regrouping).as("still computing when the feed was in").isNotDone();
    hold[1].countDown();

    assertThat(regrouping.get(GUARD_SECONDS, TimeUnit.SECONDS)).isGreaterThanOrEqualTo(1);
    assertThat(storyOf("rw1-ru")).isEqualTo(stories[0]);
    assertThat(storyOf("rw1-storm")).isNotEqualTo(storyOf("rw1-quake")).isNotIn(stories[0], stories[1]);
    assertCountsMatch("rw1");
    QuarkusTransaction.requiringNew().run(() ->
        assertThat(StoryEntity.<StoryEntity>findById(stories[1]).mergedInto).isEqualTo(stories[0]));
    given().redirects().follow(false).get("/api/stories/rw1-split").then().statusCode(301);
  }

  @Test
  void aStoryThatGainedAReportMeanwhileWaitsForTheNextRegrouping() throws Exception {
    Instant t0 = Instant.parse("2026-12-01T08:00:00Z");
    long[] stories = splitEvent("rw2", t0);
    CountDownLatch[] hold = HeldRegroupEngine.hold();
    Future<Integer> regrouping = background.submit(regroup::runNow);
    assertThat(hold[0].await(GUARD_SECONDS, TimeUnit.SECONDS)).as("the regrouping is being computed").isTrue();

    // a near-copy of the English report joins its story while the plan, which never saw it, is computed
    ingest.ingest("wire", List.of(item("rw2-copy", "wire", "Aliyev and Pashinyan open Meghri border bridge",
        EN_TEXT.replace("officials said", "the organisers said"), t0.plusSeconds(4 * 3600), "en")));
    assertThat(storyOf("rw2-copy")).isEqualTo(stories[0]);
    hold[1].countDown();
    regrouping.get(GUARD_SECONDS, TimeUnit.SECONDS);

    assertThat(storyOf("rw2-ru")).isEqualTo(stories[1]);
    assertCountsMatch("rw2");
    given().get("/api/stories/rw2-split").then().statusCode(200).body("items.size()", Matchers.equalTo(1));

    // nothing in between this time: the event comes together
    assertThat(regroup.runNow()).isGreaterThanOrEqualTo(1);
    long one = storyOf("rw2-en");
    assertThat(List.of(storyOf("rw2-ru"), storyOf("rw2-copy"))).containsOnly(one);
    assertCountsMatch("rw2");
  }

  // each of the test's stories counts the reports it holds; a story merged away holds none
  private static void assertCountsMatch(String tag) {
    QuarkusTransaction.requiringNew().run(() -> {
      List<StoryEntity> mine = StoryEntity.list(
          "id in (select i.storyId from ItemEntity i where i.guid like ?1) or publicId = ?2", tag + "-%", tag + "-split");
      assertThat(mine).isNotEmpty();
      for (StoryEntity s : mine) {
        long held = ItemEntity.count("storyId", s.id);
        assertThat(held).as("reports of story %s", s.publicId).isEqualTo(s.itemCount);
        if (s.mergedInto != null) {
          assertThat(held).isZero();
        }
      }
    });
  }

  private static long storyOf(String guid) {
    return QuarkusTransaction.requiringNew().call(() ->
        ItemEntity.<ItemEntity>find("guid", guid).firstResult().storyId);
  }
}
