package dev.tributary.it;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tributary.ingest.IncomingItem;
import dev.tributary.ingest.IngestService;
import dev.tributary.store.Hashes;
import dev.tributary.store.ItemEntity;
import dev.tributary.store.ItemMove;
import dev.tributary.store.StoryEntity;
import dev.tributary.store.StoryMoves;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * A group a regrouping splits off gets a story of its own, under the public id derived from its
 * lead report, unless that report led a story before (which keeps that id): then under another.
 * The ids already taken are looked up for all the groups at once.
 */
@QuarkusTest
class RegroupNewStoryIdTest {
  private static final Instant T0 = Instant.parse("2026-10-02T08:00:00Z");

  @Inject IngestService ingest;
  @Inject StoryMoves moves;

  @Test
  void aSplitGroupTakesItsLeadsIdUnlessThatLeadLedAStoryBefore() {
    ingest.ingest("flaky", List.of(new IncomingItem("split-lake", "https://split.example/lake",
        "Lake Sevan water level rises again", "<p>The level of Lake Sevan rose by four centimetres.</p>",
        "The level of Lake Sevan rose by four centimetres.", null, "en", T0, null)));
    long[] ids = QuarkusTransaction.requiringNew().call(() -> {
      ItemEntity lake = ItemEntity.find("guid", "split-lake").firstResult();
      // a second report in the same story that never led one
      ItemEntity bridge = new ItemEntity();
      bridge.sourceId = "mirror";
      bridge.guid = "split-bridge";
      bridge.guidHash = Hashes.key("split-bridge").bytes();
      bridge.contentHash = Hashes.key("x").bytes();
      bridge.url = "https://split.example/bridge";
      bridge.title = "Yerevan bridge closed for repairs";
      bridge.firstSeen = T0.plusSeconds(60);
      bridge.published = T0.plusSeconds(60);
      bridge.storyId = lake.storyId;
      bridge.persist();
      return new long[] {lake.id, bridge.id, lake.storyId};
    });
    long story = ids[2];
    String storyPublicId = QuarkusTransaction.requiringNew().call(() ->
        StoryEntity.<StoryEntity>findById(story).publicId);
    assertThat(storyPublicId).isEqualTo(Hashes.token("flaky", "split-lake"));

    // both reports split off into stories of their own: the old story empties
    StoryMoves.Applied applied = QuarkusTransaction.requiringNew().call(() -> moves.apply(List.of(
        new ItemMove(ids[0], story, -1, null), new ItemMove(ids[1], story, -2, null)), T0.plusSeconds(3600)));

    Map<Long, Long> placed = applied.placed();
    assertThat(placed).containsOnlyKeys(-1L, -2L);
    QuarkusTransaction.requiringNew().run(() -> {
      String lakeId = StoryEntity.<StoryEntity>findById(placed.get(-1L)).publicId;
      String bridgeId = StoryEntity.<StoryEntity>findById(placed.get(-2L)).publicId;
      assertThat(bridgeId).isEqualTo(Hashes.token("mirror", "split-bridge"));
      assertThat(lakeId).isNotEqualTo(storyPublicId).isNotEqualTo(bridgeId);
      assertThat(StoryEntity.<StoryEntity>findById(story).publicId).isEqualTo(storyPublicId);
      assertThat(StoryEntity.<StoryEntity>findById(story).mergedInto).isNotNull();
    });
  }
}
