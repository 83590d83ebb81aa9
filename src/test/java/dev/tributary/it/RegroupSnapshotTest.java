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
import org.junit.jupiter.api.Test;

/**
 * A regrouping is computed without the assignment lock, on what was stored when it started, and
 * applied later: what was stored or moved in between wins. A story that gained a report meanwhile
 * is not emptied (a reader keeps finding it under its id), and a move of an item that has left
 * the story the plan saw it in is left out.
 */
@QuarkusTest
class RegroupSnapshotTest {
  private static final Instant T0 = Instant.parse("2026-09-14T08:00:00Z");

  @Inject IngestService ingest;
  @Inject StoryMoves moves;

  private static IncomingItem item(String guid, String title, String text, Instant at) {
    return new IncomingItem(guid, "https://snap.example/" + guid, title, "<p>" + text + "</p>", text, null, "en", at,
        null);
  }

  @Test
  void movesPlannedOnASnapshotYieldToWhatWasStoredMeanwhile() {
    ingest.ingest("flaky", List.of(item("snap-ferry", "Batumi ferry to Odesa resumes sailing",
        "The ferry line between Batumi and Odesa resumed sailing on Monday after a six month pause.", T0)));
    ingest.ingest("mirror", List.of(item("snap-wheat", "Wheat prices fall in Tbilisi markets",
        "Wheat flour prices in Tbilisi markets fell by a tenth this week, traders said.", T0.plusSeconds(7200))));
    ingest.ingest("mirror", List.of(item("snap-choir", "Rustavi choir wins a prize in Tallinn",
        "The Rustavi choir won the first prize at a festival in Tallinn on Saturday.", T0.plusSeconds(9000))));
    long ferry = storyOf("snap-ferry");
    long wheat = storyOf("snap-wheat");
    long choir = storyOf("snap-choir");
    assertThat(List.of(ferry, wheat, choir)).doesNotHaveDuplicates();

    // the plan, computed on a snapshot: the ferry report goes to the wheat story (its own story would
    // empty) and the choir report too
    List<ItemMove> plan = List.of(
        new ItemMove(itemOf("snap-ferry"), ferry, wheat, null),
        new ItemMove(itemOf("snap-choir"), choir, wheat, null));

    // meanwhile: a second report joins the ferry story, and another replica moves the choir report
    long elsewhere = QuarkusTransaction.requiringNew().call(() -> {
      ItemEntity copy = new ItemEntity();
      copy.sourceId = "flaky";
      copy.guid = "snap-ferry-2";
      copy.guidHash = Hashes.key("snap-ferry-2").bytes();
      copy.contentHash = Hashes.key("x").bytes();
      copy.url = "https://snap.example/snap-ferry-2";
      copy.title = "Ferry from Batumi sails again";
      copy.firstSeen = T0.plusSeconds(60);
      copy.published = T0.plusSeconds(60);
      copy.storyId = ferry;
      copy.persist();
      StoryEntity other = new StoryEntity();
      other.publicId = "snap-other-replica";
      other.title = "moved by another replica";
      other.created = T0;
      other.updated = T0;
      other.itemCount = 1;
      other.persist();
      ItemEntity choirItem = ItemEntity.find("guid", "snap-choir").firstResult();
      choirItem.storyId = other.id;
      return other.id;
    });

    StoryMoves.Applied applied = QuarkusTransaction.requiringNew().call(() -> moves.apply(plan, T0.plusSeconds(3600)));

    assertThat(applied.stale()).isEqualTo(1);
    assertThat(storyOf("snap-ferry")).isEqualTo(wheat);
    assertThat(storyOf("snap-choir")).isEqualTo(elsewhere);
    QuarkusTransaction.requiringNew().run(() -> {
      StoryEntity kept = StoryEntity.findById(ferry);
      assertThat(kept.mergedInto).isNull();
      assertThat(kept.itemCount).isEqualTo(1);
      assertThat(kept.title).isEqualTo("Ferry from Batumi sails again");
      assertThat(StoryEntity.<StoryEntity>findById(wheat).itemCount).isEqualTo(2);
      assertThat(StoryEntity.<StoryEntity>findById(choir).mergedInto).isNull();
    });
  }

  private static long storyOf(String guid) {
    return QuarkusTransaction.requiringNew().call(() ->
        ItemEntity.<ItemEntity>find("guid", guid).firstResult().storyId);
  }

  private static long itemOf(String guid) {
    return QuarkusTransaction.requiringNew().call(() ->
        ItemEntity.<ItemEntity>find("guid", guid).firstResult().id);
  }
}
