package dev.tributary.it;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import dev.tributary.ingest.IncomingItem;
import dev.tributary.ingest.IngestService;
import dev.tributary.ingest.RegroupJob;
import dev.tributary.ingest.StoryIndexLoader;
import dev.tributary.store.ItemEntity;
import dev.tributary.store.Revisions;
import dev.tributary.store.StoryEntity;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.List;
import org.hamcrest.Matchers;
import org.junit.jupiter.api.Test;

/**
 * Regrouping in the service: stories that an arrival order got wrong (one event split in two, an
 * unrelated report inside a story) are put right in the database once an item arrives out of
 * order, under the older story's id; the emptied story is marked merged and leaves the feeds.
 */
@QuarkusTest
class RegroupServiceTest {
  private static final Instant T0 = Instant.parse("2026-10-06T08:00:00Z");

  @Inject IngestService ingest;
  @Inject StoryIndexLoader loader;
  @Inject RegroupJob regroup;
  @Inject Revisions revisions;

  private static IncomingItem item(String guid, String url, String title, String text, Instant at, String lang) {
    return new IncomingItem(guid, url, title, "<p>" + text + "</p>", text, null, lang, at, null);
  }

  @Test
  void wrongSplitsAndJoinsArePutRightUnderTheOlderId() {
    ingest.ingest("flaky", List.of(item("rg-bridge-en", "https://flaky.example/rg/bridge",
        "Aliyev and Pashinyan open the Meghri border bridge",
        "Azerbaijani President Ilham Aliyev and Armenian Prime Minister Nikol Pashinyan on Tuesday opened the new"
            + " Meghri border bridge, the first road link between the two countries in 35 years. The ceremony in"
            + " Meghri was attended by 300 guests, officials said.", T0, "en")));
    ingest.ingest("mirror", List.of(item("rg-bridge-ru", "https://mirror.example/rg/bridge",
        "Алиев и Пашинян открыли мост на границе у Мегри",
        "Президент Азербайджана Ильхам Алиев и премьер-министр Армении Никол Пашинян во вторник открыли новый"
            + " пограничный мост у Мегри — первую автомобильную связь между двумя странами за 35 лет. На церемонии"
            + " в Мегри присутствовали 300 гостей.", T0.plusSeconds(3 * 3600), "ru")));
    ingest.ingest("flaky", List.of(item("rg-harvest", "https://flaky.example/rg/harvest",
        "Kakheti grape harvest breaks a record",
        "Vineyards in Kakheti brought in a record grape harvest this autumn, the agriculture ministry said, with"
            + " Rkatsiteli and Saperavi yields up by a fifth on last year.", T0.plusSeconds(5 * 3600), "en")));
    long bridge = storyOf("rg-bridge-en");
    long harvestStory = storyOf("rg-harvest");
    assertThat(storyOf("rg-bridge-ru")).isEqualTo(bridge);

    // what another arrival order could have left: the Russian report in a story of its own, the
    // harvest report inside the bridge story
    long split = QuarkusTransaction.requiringNew().call(() -> {
      StoryEntity s = newStory("rg-split-story", "split", T0);
      move("rg-bridge-ru", s.id);
      move("rg-harvest", bridge);
      StoryEntity emptied = StoryEntity.findById(harvestStory);
      emptied.itemCount = 0;
      emptied.mergedInto = bridge;
      return s.id;
    });
    loader.rebuild();

    // a report older than everything indexed arrives: the span from it on is due for regrouping
    ingest.ingest("mirror", List.of(item("rg-late", "https://mirror.example/rg/late",
        "Dinamo Tbilisi win the cup final on penalties",
        "Dinamo Tbilisi beat Dila Gori on penalties in the Georgian cup final at the Boris Paichadze stadium.",
        T0.minusSeconds(2 * 3600), "en")));
    String etag = given().get("/feeds/lab.rss").then().statusCode(200).extract().header("ETag");

    assertThat(regroup.runNow()).isGreaterThanOrEqualTo(2);

    assertThat(storyOf("rg-bridge-ru")).isEqualTo(bridge);
    long harvest = storyOf("rg-harvest");
    assertThat(harvest).isNotIn(bridge, split, harvestStory);
    QuarkusTransaction.requiringNew().run(() -> {
      StoryEntity merged = StoryEntity.findById(split);
      assertThat(merged.mergedInto).isEqualTo(bridge);
      assertThat(merged.itemCount).isZero();
      StoryEntity kept = StoryEntity.findById(bridge);
      assertThat(kept.itemCount).isEqualTo(2);
      assertThat(kept.link).isEqualTo("https://flaky.example/rg/bridge");
      StoryEntity own = StoryEntity.findById(harvest);
      StoryEntity old = StoryEntity.findById(harvestStory);
      assertThat(own.publicId).isNotEqualTo(old.publicId);
      assertThat(own.link).isEqualTo("https://flaky.example/rg/harvest");
    });
    var stories = given().queryParam("limit", 500).get("/api/channels/lab/stories").then().statusCode(200)
        .extract().jsonPath();
    assertThat(stories.getList("stories.id", String.class)).doesNotContain("rg-split-story");
    assertThat(stories.getList("stories.find { it.link == 'https://flaky.example/rg/bridge' }.items.url", String.class))
        .containsExactlyInAnyOrder("https://flaky.example/rg/bridge", "https://mirror.example/rg/bridge");
    given().header("If-None-Match", etag).get("/feeds/lab.rss").then().statusCode(200);
    // the merged story's id still leads to the event
    String bridgeId = stories.getString("stories.find { it.link == 'https://flaky.example/rg/bridge' }.id");
    given().redirects().follow(false).get("/api/stories/rg-split-story").then().statusCode(301)
        .header("Location", Matchers.endsWith("/api/stories/" + bridgeId));
    given().get("/api/stories/rg-split-story").then().statusCode(200).body("id", Matchers.equalTo(bridgeId))
        .body("items.size()", Matchers.equalTo(2));
    given().get("/api/stories/no-such-story").then().statusCode(404);

    // nothing is due any more; running again changes nothing
    assertThat(regroup.runNow()).isZero();
  }

  /**
   * A regrouping that takes a story's headline report away opens a new edition under the story's
   * id: readers see the new headline as a new RSS item once, never the old guid under a new title.
   */
  @Test
  void aStoryWhoseHeadlineReportMovedAwayShowsANewEdition() {
    Instant t0 = T0.plusSeconds(40 * 86_400);
    ingest.ingest("flaky", List.of(item("rg-ed-harvest", "https://flaky.example/rg/ed-harvest",
        "Kakheti grape harvest breaks a record",
        "Vineyards in Kakheti brought in a record grape harvest this autumn, the agriculture ministry said, with"
            + " Rkatsiteli and Saperavi yields up by a fifth on last year.", t0.plusSeconds(5 * 3600), "en")));
    ingest.ingest("mirror", List.of(item("rg-ed-bridge", "https://mirror.example/rg/ed-bridge",
        "Aliyev and Pashinyan open the Meghri border bridge",
        "Azerbaijani President Ilham Aliyev and Armenian Prime Minister Nikol Pashinyan on Tuesday opened the new"
            + " Meghri border bridge, the first road link between the two countries in 35 years.", t0, "en")));
    long harvestStory = storyOf("rg-ed-harvest");
    // as a wrong join would have left it: the bridge report inside the harvest story, which it headlines
    QuarkusTransaction.requiringNew().run(() -> {
      long bridgeStory = ItemEntity.<ItemEntity>find("guid", "rg-ed-bridge").<ItemEntity>firstResult().storyId;
      move("rg-ed-bridge", harvestStory);
      StoryEntity emptied = StoryEntity.findById(bridgeStory);
      emptied.itemCount = 0;
      emptied.mergedInto = harvestStory;
      StoryEntity.<StoryEntity>findById(harvestStory).itemCount = 2;
    });
    loader.rebuild();
    String publicId = QuarkusTransaction.requiringNew().call(() ->
        StoryEntity.<StoryEntity>findById(harvestStory).publicId);
    given().get("/api/stories/" + publicId).then().statusCode(200)
        .body("title", Matchers.equalTo("Kakheti grape harvest breaks a record")).body("edition", Matchers.equalTo(1));

    // a late report makes the span due; the regrouping parts the two events
    ingest.ingest("mirror", List.of(item("rg-ed-late", "https://mirror.example/rg/ed-late",
        "Rustavi choir wins a prize in Tallinn", "The Rustavi choir won the first prize at a festival in Tallinn.",
        t0.minusSeconds(3600), "en")));
    assertThat(regroup.runNow()).isGreaterThanOrEqualTo(1);
    // the two groups are of one report each: the one earlier in publication order keeps the id
    assertThat(storyOf("rg-ed-bridge")).isEqualTo(harvestStory);
    assertThat(storyOf("rg-ed-harvest")).isNotEqualTo(harvestStory);
    // the headline changed: a new edition, not the first edition's guid under another title
    given().get("/api/stories/" + publicId).then().statusCode(200)
        .body("title", Matchers.equalTo("Aliyev and Pashinyan open the Meghri border bridge"))
        .body("edition", Matchers.equalTo(2));
  }

  /** Another replica regrouped an item into a new story: this one follows before it assigns. */
  @Test
  void aMoveByAnotherReplicaIsSeenBeforeAssigning() {
    String text = "The Rikoti tunnel on the East-West highway closed for two nights of repairs, the roads department"
        + " said, and lorries will be sent over the Rikoti pass until Thursday morning.";
    Instant at = T0.plusSeconds(20 * 86_400);
    ingest.ingest("flaky", List.of(item("rg-tunnel-1", "https://flaky.example/rg/tunnel", "Rikoti tunnel closes for repairs",
        text, at, "en")));
    long moved = QuarkusTransaction.requiringNew().call(() -> {
      StoryEntity s = newStory("rg-other-replica", "Rikoti tunnel closes for repairs", at);
      ItemEntity item = ItemEntity.find("guid", "rg-tunnel-1").firstResult();
      item.storyId = s.id;
      item.seq = revisions.next();
      return s.id;
    });
    ingest.ingest("mirror", List.of(item("rg-tunnel-2", "https://mirror.example/rg/tunnel",
        "Rikoti tunnel shut for two nights of repairs", text, at.plusSeconds(600), "en")));
    assertThat(storyOf("rg-tunnel-2")).isEqualTo(moved);
  }

  /** A story as another replica or another arrival order would have stored it, with one report. */
  private static StoryEntity newStory(String publicId, String title, Instant at) {
    StoryEntity s = new StoryEntity();
    s.publicId = publicId;
    s.title = title;
    s.created = at;
    s.updated = at;
    s.itemCount = 1;
    s.persist();
    return s;
  }

  private static long storyOf(String guid) {
    return QuarkusTransaction.requiringNew().call(() ->
        ItemEntity.<ItemEntity>find("guid", guid).firstResult().storyId);
  }

  private static void move(String guid, long storyId) {
    ItemEntity item = ItemEntity.find("guid", guid).firstResult();
    item.storyId = storyId;
  }
}
