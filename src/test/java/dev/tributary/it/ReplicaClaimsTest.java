package dev.tributary.it;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tributary.config.FeedsConfig;
import dev.tributary.config.FeedsRegistry;
import dev.tributary.config.SourceConfig;
import dev.tributary.store.FetchRecord;
import dev.tributary.store.Schedule;
import dev.tributary.store.SourceEntity;
import dev.tributary.store.SourceStore;
import dev.tributary.store.Validators;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * How replicas share sources through the database: syncs started together all succeed, a claim
 * lapses soon unless its heartbeat renews it, and a claim handed back is due at once. Every
 * instant is given, none read from a clock.
 */
@QuarkusTest
class ReplicaClaimsTest {
  private static final Duration LEASE = Duration.ofSeconds(20);
  // long past, so every test source is due, and far from what other tests write
  private static final Instant T0 = Instant.parse("2001-02-03T04:05:06.789Z");

  @Inject SourceStore sources;
  @Inject FeedsRegistry registry;
  @Inject Event<FeedsConfig> configChanges;

  @Test
  void replicasSyncingOneNewFileAtOnceAllSucceedAndStoreEachSourceOnce() throws Exception {
    List<SourceConfig> all = new ArrayList<>(registry.config().sources());
    for (int i = 0; i < 40; i++) {
      all.add(new SourceConfig("sync-race-" + i, URI.create("http://127.0.0.1:9/race-" + i + ".rss"),
          "Race " + i, null, List.of(), null));
    }
    FeedsConfig config = new FeedsConfig(all, registry.config().channels(), registry.config().defaultInterval());
    int replicas = 3;
    CyclicBarrier together = new CyclicBarrier(replicas);
    ExecutorService threads = Executors.newFixedThreadPool(replicas);
    try {
      List<Future<?>> syncs = new ArrayList<>();
      for (int r = 0; r < replicas; r++) {
        syncs.add(threads.submit(() -> {
          together.await();
          configChanges.fire(config);
          return null;
        }));
      }
      for (Future<?> sync : syncs) {
        sync.get(60, TimeUnit.SECONDS); // throws if a sync failed
      }
    } finally {
      threads.shutdownNow();
    }
    long stored = QuarkusTransaction.requiringNew().call(() ->
        SourceEntity.count("id like ?1 and active = true", "sync-race-%"));
    assertThat(stored).isEqualTo(40);
  }

  @Test
  void aCrashedReplicasClaimLapsesAfterTheLeaseAndNotBefore() {
    String id = source("lease-crash");
    Instant until = T0.plus(LEASE);
    assertThat(sources.claimDue(T0, until, 1000)).contains(id);

    assertThat(sources.claimDue(T0.plus(LEASE).minusMillis(1), T0.plus(LEASE.multipliedBy(2)), 1000)).doesNotContain(id);
    // no heartbeat came: the replica died; the next tick after the lease elsewhere takes it over
    assertThat(sources.claimDue(T0.plus(LEASE), T0.plus(LEASE.multipliedBy(2)), 1000)).contains(id);
  }

  @Test
  void theHeartbeatKeepsALiveReplicasClaimForAsLongAsItsFetchRuns() {
    String id = source("lease-renewed");
    Instant until = T0.plus(LEASE);
    assertThat(sources.claimDue(T0, until, 1000)).contains(id);
    // a fetch that takes a minute, renewed every 5 s
    for (Instant beat = T0.plusSeconds(5); beat.isBefore(T0.plusSeconds(60)); beat = beat.plusSeconds(5)) {
      Instant next = beat.plus(LEASE);
      assertThat(sources.renew(Map.of(id, until), next)).containsExactly(id);
      until = next;
      assertThat(sources.claimDue(beat.plusSeconds(5).minusMillis(1), beat.plus(LEASE.multipliedBy(2)), 1000))
          .doesNotContain(id);
    }
  }

  @Test
  void aRenewalOrAReleaseAfterTheOutcomeWasRecordedChangesNothing() {
    String id = source("lease-recorded");
    Instant until = T0.plus(LEASE);
    sources.claimDue(T0, until, 1000);
    Instant scheduled = T0.plus(Duration.ofMinutes(15));
    sources.record(id, new FetchRecord(T0.plusSeconds(2), 200, null, null, Validators.NONE, null, null,
        new Schedule(Schedule.Status.ACTIVE, scheduled, Duration.ofMinutes(15), 0, T0.plusSeconds(2),
            Schedule.Rhythm.UNKNOWN, null)));

    assertThat(sources.renew(Map.of(id, until), T0.plusSeconds(25))).isEmpty();
    assertThat(sources.release(Map.of(id, until), T0.plusSeconds(3))).isZero();
    assertThat(nextFetch(id)).isEqualTo(scheduled);
  }

  @Test
  void aClaimHandedBackIsDueAtOnceForAnyReplica() {
    String id = source("lease-released");
    Instant until = T0.plus(LEASE);
    sources.claimDue(T0, until, 1000);
    Instant sigterm = T0.plusSeconds(1);

    assertThat(sources.release(Map.of(id, until), sigterm)).isEqualTo(1);
    assertThat(sources.claimDue(sigterm, sigterm.plus(LEASE), 1000)).contains(id);
  }

  private static String source(String id) {
    QuarkusTransaction.requiringNew().run(() -> {
      SourceEntity s = new SourceEntity();
      s.id = id;
      s.url = "http://127.0.0.1:9/" + id + ".rss";
      s.persist();
    });
    return id;
  }

  private static Instant nextFetch(String id) {
    return QuarkusTransaction.requiringNew().call(() -> SourceEntity.<SourceEntity>findById(id).nextFetch);
  }
}
