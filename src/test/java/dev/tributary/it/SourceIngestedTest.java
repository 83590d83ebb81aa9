package dev.tributary.it;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tributary.store.FetchRecord;
import dev.tributary.store.Revisions;
import dev.tributary.store.Schedule;
import dev.tributary.store.SourceStore;
import dev.tributary.store.Validators;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * A polled feed's new reports stamp its source in the transaction that stores them, and the same
 * row update stores what the feed held and the poll's outcome: one update per source.
 */
@QuarkusTest
class SourceIngestedTest {
  private static final Instant AT = Instant.parse("2026-12-01T08:00:00Z");

  @Inject SourceStore sources;
  @Inject EntityManager em;
  @Inject Revisions revisions;

  // stamps drawn from the sequence, as the assigning transaction draws them: an arbitrary high one
  // would stay the database's newest revision and hide later changes from tests that follow it
  @AfterEach
  void dropSources() {
    QuarkusTransaction.requiringNew().run(() -> em.createNativeQuery(
        "delete from source where id in ('ingested-a', 'ingested-b', 'by-hand', 'polled')").executeUpdate());
  }

  private void source(String id, String etag, String feedTitle) {
    QuarkusTransaction.requiringNew().run(() -> em.createNativeQuery(
            "insert into source (id, url, title, revision, etag, feed_title) values (?1, ?2, ?3, 1, ?4, ?5)")
        .setParameter(1, id).setParameter(2, "https://" + id + ".example/feed").setParameter(3, id)
        .setParameter(4, etag).setParameter(5, feedTitle).executeUpdate());
  }

  private Object[] row(String id) {
    return QuarkusTransaction.requiringNew().call(() -> (Object[]) em.createNativeQuery(
            "select revision, last_seen, last_new, etag, last_status, feed_title, interval_seconds, last_error"
                + " from source where id = ?1")
        .setParameter(1, id).getSingleResult());
  }

  private static FetchRecord fetched(String etag, String title) {
    Schedule next = new Schedule(Schedule.Status.ACTIVE, AT.plus(Duration.ofMinutes(20)), Duration.ofMinutes(20), 0, AT,
        new Schedule.Rhythm(AT, null, null), null);
    return new FetchRecord(AT, 200, null, null, etag == null ? Validators.NONE : new Validators(etag, null), title, null,
        next);
  }

  @Test
  void eachSourceGetsTheStampItsCountsAndItsOutcomeInOneUpdate() {
    source("ingested-b", "\"old-b\"", "Old B");
    source("ingested-a", "\"old-a\"", "Old A");

    long stamp = QuarkusTransaction.requiringNew().call(() -> revisions.next());
    boolean written = QuarkusTransaction.requiringNew().call(() -> sources.ingested(List.of(
        new SourceStore.Ingested("ingested-b", 7, 3, fetched("\"new-b\"", "Valley Courier")),
        new SourceStore.Ingested("ingested-a", 4, 4, fetched(null, null))), stamp));

    assertThat(written).isTrue();
    Object[] b = row("ingested-b");
    assertThat(((Number) b[0]).longValue()).isEqualTo(stamp);
    assertThat(((Number) b[1]).intValue()).isEqualTo(7);
    assertThat(((Number) b[2]).intValue()).isEqualTo(3);
    assertThat(b[3]).isEqualTo("\"new-b\"");
    assertThat(((Number) b[4]).intValue()).isEqualTo(200);
    assertThat(b[5]).isEqualTo("Valley Courier");
    assertThat(((Number) b[6]).longValue()).isEqualTo(1200);
    assertThat(b[7]).isNull();
    // no validators and no title in the feed: the stored ones are kept
    Object[] a = row("ingested-a");
    assertThat(((Number) a[0]).longValue()).isEqualTo(stamp);
    assertThat(((Number) a[1]).intValue()).isEqualTo(4);
    assertThat(((Number) a[2]).intValue()).isEqualTo(4);
    assertThat(a[3]).isEqualTo("\"old-a\"");
    assertThat(a[5]).isEqualTo("Old A");
  }

  @Test
  void aBatchWithAFeedGivenByHandWritesNothingAndSaysSo() {
    source("by-hand", "\"kept\"", "Kept");
    source("polled", "\"kept-too\"", "Kept too");

    boolean written = QuarkusTransaction.requiringNew().call(() -> sources.ingested(List.of(
        new SourceStore.Ingested("polled", 2, 2, fetched("\"new\"", "New")),
        new SourceStore.Ingested("by-hand", 1, 1, null)), revisions.next()));

    assertThat(written).isFalse();
    assertThat(((Number) row("polled")[0]).longValue()).isEqualTo(1);
    assertThat(row("polled")[3]).isEqualTo("\"kept-too\"");
    assertThat(((Number) row("by-hand")[0]).longValue()).isEqualTo(1);
  }
}
