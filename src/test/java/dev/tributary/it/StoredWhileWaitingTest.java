package dev.tributary.it;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tributary.ingest.IncomingItem;
import dev.tributary.ingest.IngestReport;
import dev.tributary.ingest.IngestService;
import dev.tributary.store.AssignmentLock;
import dev.tributary.store.ItemEntity;
import dev.tributary.store.Revisions;
import io.quarkus.hibernate.orm.panache.Panache;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusMock;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * A batch reads the stored reports of its links before it takes the assignment lock. What another
 * replica stores or moves while this one waits for the lock is caught up on, and counts as a
 * query under the lock would have found it. The lock here is held by "another replica" for one
 * try, during which that replica writes: deterministic, no timing.
 */
@QuarkusTest
class StoredWhileWaitingTest {
  private static final Instant WHEN = Instant.parse("2026-11-29T07:00:00Z");

  @Inject IngestService ingest;
  @Inject Revisions revisions;

  /** Held for the first try; {@code meanwhile} runs then, in a transaction of its own, as another replica. */
  private static final class HeldOnce extends AssignmentLock {
    private final Runnable meanwhile;
    private int tries;
    int waits;

    HeldOnce(Runnable meanwhile) {
      this.meanwhile = meanwhile;
    }

    // another replica exists: the batch catches up while it waits, as on PostgreSQL
    @Override
    public boolean clusterWide() {
      return true;
    }

    @Override
    public boolean tryAcquire() {
      if (tries++ == 0) {
        QuarkusTransaction.requiringNew().run(meanwhile);
        return false;
      }
      return true;
    }

    @Override
    public void acquire() {
      waits++;
    }
  }

  @Test
  void aReportOfTheSameLinkStoredWhileWaitingIsJoinedByLink() {
    long[] story = new long[1];
    HeldOnce lock = new HeldOnce(() -> story[0] = AnotherReplica.store(revisions, "flaky", "waiting-1",
        "Batumi port reopens after storm", "https://flaky.example/batumi-port", "flaky.example/batumi-port",
        "<p>The port of Batumi reopened on Friday.</p>", WHEN).storyId());
    QuarkusMock.installMockForType(lock, AssignmentLock.class);

    IngestReport report = ingest.ingest("mirror", List.of(item("https://flaky.example/batumi-port",
        "Storm over: Batumi port open again")));

    assertThat(report.merged()).as("joined by its link, not only by the story engine").isEqualTo(1);
    assertThat(storyOf("https://flaky.example/batumi-port", "mirror")).isEqualTo(story[0]);
    assertThat(lock.tries).isEqualTo(2);
    assertThat(lock.waits).isZero();
  }

  @Test
  void aReportMovedWhileWaitingIsJoinedInTheStoryItIsInNow() {
    long first = QuarkusTransaction.requiringNew().call(() -> AnotherReplica.store(revisions, "flaky", "moved-1",
        "Poti free zone doubles its warehouses", "https://flaky.example/poti-zone", "flaky.example/poti-zone",
        "<p>The Poti free industrial zone doubled its warehouse space.</p>", WHEN).storyId());
    long[] moved = new long[1];
    HeldOnce lock = new HeldOnce(() -> {
      // another replica's regrouping: the report goes to a story of its own making, with a new stamp
      moved[0] = AnotherReplica.store(revisions, "flaky", "moved-2", "Warehouses in Poti", "https://flaky.example/poti-2",
          "flaky.example/poti-2", "<p>Warehouses.</p>", WHEN).storyId();
      Panache.getEntityManager().createNativeQuery("update item set story_id = ?1, seq = ?2 where guid = 'moved-1'")
          .setParameter(1, moved[0]).setParameter(2, revisions.next()).executeUpdate();
    });
    QuarkusMock.installMockForType(lock, AssignmentLock.class);

    ingest.ingest("mirror", List.of(item("https://flaky.example/poti-zone", "Poti free zone warehouses doubled")));

    assertThat(moved[0]).isNotEqualTo(first);
    assertThat(storyOf("https://flaky.example/poti-zone", "mirror")).isEqualTo(moved[0]);
  }

  // no guid of its own: the report is the same article as the stored one, a duplicate by link
  private static IncomingItem item(String url, String title) {
    return new IncomingItem(null, url, title, "<p>" + title + "</p>", title, null, "en", WHEN.plusSeconds(600), null);
  }

  private static Long storyOf(String url, String source) {
    return QuarkusTransaction.requiringNew().call(() ->
        ItemEntity.<ItemEntity>find("url = ?1 and sourceId = ?2", url, source).firstResult().storyId);
  }
}
