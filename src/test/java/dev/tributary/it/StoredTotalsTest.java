package dev.tributary.it;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tributary.ingest.IncomingItem;
import dev.tributary.ingest.IngestReport;
import dev.tributary.ingest.IngestService;
import dev.tributary.store.ItemEntity;
import dev.tributary.store.Revisions;
import dev.tributary.store.SourceEntity;
import dev.tributary.store.SourceStore;
import dev.tributary.store.StoryEntity;
import dev.tributary.store.Totals;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The stored totals the gauges and the status page show are kept between counts; they must still
 * follow this replica's inserts and another replica's changes (seen through the data revision).
 */
@QuarkusTest
@QuarkusTestResource(FakeFeeds.class)
class StoredTotalsTest {
  private static final Instant T = Instant.parse("2026-12-06T08:00:00Z");

  @Inject IngestService ingest;
  @Inject SourceStore sources;
  @Inject Revisions revisions;

  @Test
  void totalsFollowAnInsert() {
    Totals before = sources.totals();
    assertThat(sources.totals()).isEqualTo(before).isEqualTo(counted());

    IngestReport report = ingest.ingest("flaky", List.of(item("totals-1", "https://flaky.example/2026/12/ferry",
        "Night ferry to the islands resumes after storm")));

    assertThat(report.added()).isEqualTo(1);
    Totals after = sources.totals();
    assertThat(after.items()).isEqualTo(before.items() + 1);
    assertThat(after).isEqualTo(counted());
  }

  /** Another replica merges a story away: no event here, only the revision it stamps shows it. */
  @Test
  void totalsFollowAnotherReplicasChangeByItsRevision() {
    ingest.ingest("mirror", List.of(item("totals-2", "https://mirror.example/2026/12/orchard",
        "Orchard harvest starts two weeks early")));
    Totals before = sources.totals();
    assertThat(before).isEqualTo(counted());
    long story = QuarkusTransaction.requiringNew().call(() -> ItemEntity.<ItemEntity>find("guid", "totals-2")
        .firstResult().storyId);

    QuarkusTransaction.requiringNew().run(() -> {
      StoryEntity.update("mergedInto = ?1 where id = ?2", story, story);
      SourceEntity.update("revision = ?1 where id = ?2", revisions.next(), "mirror");
    });
    try {
      assertThat(sources.totals().stories()).isEqualTo(before.stories() - 1);
      assertThat(sources.totals()).isEqualTo(counted());
    } finally {
      QuarkusTransaction.requiringNew().run(() -> {
        StoryEntity.update("mergedInto = null where id = ?1", story);
        SourceEntity.update("revision = ?1 where id = ?2", revisions.next(), "mirror");
      });
    }
    assertThat(sources.totals()).isEqualTo(before);
  }

  private static Totals counted() {
    return QuarkusTransaction.requiringNew().call(() -> new Totals(ItemEntity.count(),
        StoryEntity.count("mergedInto is null")));
  }

  private static IncomingItem item(String guid, String url, String title) {
    return new IncomingItem(guid, url, title, "<p>" + title + "</p>", title, null, "en", T, null);
  }
}
