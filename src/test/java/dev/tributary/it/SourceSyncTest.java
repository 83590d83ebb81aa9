package dev.tributary.it;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tributary.config.FeedsConfig;
import dev.tributary.config.FeedsRegistry;
import dev.tributary.config.SourceConfig;
import dev.tributary.store.SourceEntity;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import java.net.URI;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * What a feeds.yaml sync does to the source rows, read back from the database: new sources are
 * stored once and due at once, a moved URL forgets its validators, a dropped source goes inactive
 * and comes back due, a new title stamps a new revision. The files always keep the registry's
 * sources, so other tests' sources stay active.
 */
@QuarkusTest
class SourceSyncTest {
  @Inject FeedsRegistry registry;
  @Inject Event<FeedsConfig> configChanges;

  @Test
  void manyNewSourcesAreStoredOnceEachWithTheirOwnRevision() {
    List<SourceConfig> added = new ArrayList<>();
    for (int i = 0; i < 1_234; i++) { // more than one insert batch
      added.add(source("sync-many-" + i, "http://127.0.0.1:9/many-" + i + ".rss", "Many " + i));
    }
    sync(added);
    sync(added); // a second sync of the same file inserts nothing

    List<SourceEntity> rows = rows("sync-many-%");
    assertThat(rows).hasSize(1_234).allSatisfy(s -> {
      assertThat(s.active).isTrue();
      assertThat(s.nextFetch).isNull();
      assertThat(s.url).isEqualTo("http://127.0.0.1:9/many-" + s.id.substring("sync-many-".length()) + ".rss");
    });
    assertThat(rows.stream().mapToLong(s -> s.revision).distinct().count()).isEqualTo(1_234);
  }

  @Test
  void aMovedUrlForgetsTheOldValidatorsAndIsDueAtOnce() {
    SourceConfig before = source("sync-moved", "http://127.0.0.1:9/old.rss", "Moved");
    sync(List.of(before));
    QuarkusTransaction.requiringNew().run(() -> {
      SourceEntity s = SourceEntity.findById("sync-moved");
      s.etag = "\"v1\"";
      s.lastModified = "Sat, 01 Jan 2000 00:00:00 GMT";
      s.nextFetch = Instant.parse("2100-01-01T00:00:00Z");
      s.consecutiveFailures = 3;
    });

    sync(List.of(source("sync-moved", "http://127.0.0.1:9/new.rss", "Moved")));

    SourceEntity s = row("sync-moved");
    assertThat(s.url).isEqualTo("http://127.0.0.1:9/new.rss");
    assertThat(s.etag).isNull();
    assertThat(s.lastModified).isNull();
    assertThat(s.nextFetch).isNull();
    assertThat(s.consecutiveFailures).isZero();
  }

  @Test
  void aDroppedSourceGoesInactiveAndComesBackDue() {
    SourceConfig kept = source("sync-kept", "http://127.0.0.1:9/kept.rss", "Kept");
    SourceConfig dropped = source("sync-dropped", "http://127.0.0.1:9/dropped.rss", "Dropped");
    sync(List.of(kept, dropped));
    QuarkusTransaction.requiringNew().run(() ->
        SourceEntity.<SourceEntity>findById("sync-dropped").nextFetch = Instant.parse("2100-01-01T00:00:00Z"));

    sync(List.of(kept));
    assertThat(row("sync-dropped").active).isFalse();
    assertThat(row("sync-kept").active).isTrue();

    sync(List.of(kept, dropped));
    assertThat(row("sync-dropped").active).isTrue();
    assertThat(row("sync-dropped").nextFetch).isNull();
  }

  @Test
  void aNewTitleStampsANewRevisionAndAnUnchangedOneDoesNot() {
    sync(List.of(source("sync-titled", "http://127.0.0.1:9/titled.rss", "Before")));
    long first = row("sync-titled").revision;
    sync(List.of(source("sync-titled", "http://127.0.0.1:9/titled.rss", "Before")));
    assertThat(row("sync-titled").revision).isEqualTo(first);

    sync(List.of(source("sync-titled", "http://127.0.0.1:9/titled.rss", "After")));
    assertThat(row("sync-titled").title).isEqualTo("After");
    assertThat(row("sync-titled").revision).isGreaterThan(first);
  }

  private void sync(List<SourceConfig> extra) {
    List<SourceConfig> all = new ArrayList<>(registry.config().sources());
    all.addAll(extra);
    configChanges.fire(new FeedsConfig(all, registry.config().channels(), registry.config().defaultInterval()));
  }

  private static SourceConfig source(String id, String url, String title) {
    return new SourceConfig(id, URI.create(url), title, null, List.of(), null);
  }

  private static SourceEntity row(String id) {
    return QuarkusTransaction.requiringNew().call(() -> SourceEntity.<SourceEntity>findById(id));
  }

  private static List<SourceEntity> rows(String idPattern) {
    return QuarkusTransaction.requiringNew().call(() -> SourceEntity.<SourceEntity>list("id like ?1", idPattern));
  }
}
