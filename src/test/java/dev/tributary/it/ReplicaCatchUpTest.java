package dev.tributary.it;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tributary.ingest.IncomingItem;
import dev.tributary.ingest.IngestService;
import dev.tributary.ingest.StoryIndexLoader;
import dev.tributary.store.ItemEntity;
import dev.tributary.store.Revisions;
import dev.tributary.story.StoryCandidate;
import dev.tributary.story.StoryEngine;
import io.quarkus.hibernate.orm.panache.Panache;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Another replica stored a report this replica's story index never saw; before assigning, the
 * ingest catches up from the database, so a second report of the same event joins that story.
 */
@QuarkusTest
class ReplicaCatchUpTest {
  private static final String TEXT = "Workers finished restoring the eleventh-century fresco in the Svetitskhoveli"
      + " cathedral in Mtskheta on Tuesday, the Patriarchate said, after four years of careful work by a team"
      + " of twenty restorers who removed layers of soot and later paint.";

  @Inject IngestService ingest;
  @Inject Revisions revisions;
  @Inject StoryIndexLoader loader;
  @Inject StoryEngine engine;

  @Test
  void itemsStoredByAnotherReplicaAreSeenBeforeAssigning() {
    Instant when = Instant.parse("2026-11-24T09:00:00Z");
    long storyId = QuarkusTransaction.requiringNew().call(() -> storeAsAnotherReplica(when));

    ingest.ingest("mirror", List.of(new IncomingItem("mirror-1", "https://mirror.example/fresco",
        "Svetitskhoveli fresco restoration finished in Mtskheta", "<p>" + TEXT + "</p>", TEXT, null, "en",
        when.plusSeconds(3600), null)));

    Long joined = QuarkusTransaction.requiringNew().call(() ->
        ItemEntity.<ItemEntity>find("sourceId = ?1 and guid = ?2", "mirror", "mirror-1").firstResult().storyId);
    assertThat(joined).isEqualTo(storyId);
  }

  /**
   * Another replica stored its analysis with the report: this replica indexes that, not the text
   * (stored here as a blank, so a report analysed from its text could not be joined).
   */
  @Test
  void anotherReplicasStoredAnalysisIsIndexedWithoutAnalysingTheText() {
    Instant when = Instant.parse("2026-11-27T09:00:00Z");
    String text = "The Rikoti tunnel closed to lorries on Wednesday after a landslide blocked its western portal,"
        + " the roads department said, and heavy traffic between Tbilisi and Batumi is diverted over the"
        + " Goderdzi pass until engineers have checked the slope.";
    String title = "Landslide closes Rikoti tunnel to lorries";
    byte[] analysis = engine.prepare(List.of(new StoryCandidate(0, "flaky", "flaky.example/rikoti", title, text, "en",
        when))).get(0);
    engine.prepare(List.of()); // nothing left prepared in this engine
    long storyId = QuarkusTransaction.requiringNew().call(() -> {
      var stored = AnotherReplica.store(revisions, "flaky", "other-replica-2", "-", "https://flaky.example/rikoti",
          "flaky.example/rikoti", "-", when);
      ItemEntity item = ItemEntity.find("guid", "other-replica-2").firstResult();
      item.analysisVersion = engine.analysisVersion();
      item.flush();
      Panache.getEntityManager().createNativeQuery("update item set analysis = ?1 where id = ?2")
          .setParameter(1, analysis).setParameter(2, item.id).executeUpdate();
      return stored.storyId();
    });

    ingest.ingest("mirror", List.of(new IncomingItem("mirror-rikoti", "https://mirror.example/rikoti",
        "Rikoti tunnel closed to lorries after landslide", text, text, null, "en", when.plusSeconds(1200), null)));

    Long joined = QuarkusTransaction.requiringNew().call(() ->
        ItemEntity.<ItemEntity>find("guid", "mirror-rikoti").firstResult().storyId);
    assertThat(joined).isEqualTo(storyId);
  }

  /** A report is stored with its analysis; once its content changes, that analysis no longer counts. */
  @Test
  void reportsAreStoredWithTheirAnalysisUntilTheirContentChanges() {
    Instant when = Instant.parse("2026-11-28T08:00:00Z");
    ingest.ingest("flaky", List.of(item("kept-a", "https://flaky.example/kept-a", "Kutaisi airport adds a night flight", when)));
    assertThat(storedAnalysis("kept-a")).isEqualTo(engine.analysisVersion()).isNotZero();

    ingest.ingest("flaky", List.of(item("kept-a", "https://flaky.example/kept-a", "Kutaisi airport adds two night flights", when)));
    assertThat(storedAnalysis("kept-a")).isNull();
  }

  private Integer storedAnalysis(String guid) {
    return QuarkusTransaction.requiringNew().call(() -> {
      Object[] row = (Object[]) Panache.getEntityManager()
          .createNativeQuery("select analysis_version, analysis from item where guid = ?1")
          .setParameter(1, guid).getSingleResult();
      return row[0] == null || row[1] == null ? null : ((Number) row[0]).intValue();
    });
  }

  @Test
  void clusteringSurvivesARebuildOfTheIndexFromTheDatabase() {
    Instant when = Instant.parse("2026-11-25T06:00:00Z");
    String text = "The Enguri hydropower plant stopped its turbines on Monday for three weeks of maintenance,"
        + " the operator said, and Georgia will import electricity from Azerbaijan and Turkey until the"
        + " plant restarts in the middle of December.";
    ingest.ingest("flaky", List.of(new IncomingItem("enguri-1", "https://flaky.example/enguri",
        "Enguri hydropower plant halts for maintenance", text, text, null, "en", when, null)));
    loader.rebuild(); // as after a restart: the engine forgets everything, then reads the database

    ingest.ingest("mirror", List.of(new IncomingItem("enguri-2", "https://mirror.example/enguri",
        "Enguri power plant halts turbines for three weeks of maintenance", text, text, null, "en",
        when.plusSeconds(1800), null)));

    QuarkusTransaction.requiringNew().run(() -> {
      ItemEntity first = ItemEntity.find("guid", "enguri-1").firstResult();
      ItemEntity second = ItemEntity.find("guid", "enguri-2").firstResult();
      assertThat(second.storyId).isEqualTo(first.storyId);
    });
  }

  @Test
  void oneFeedSortsIntoNewChangedAndUnchangedReports() {
    Instant when = Instant.parse("2026-11-26T08:00:00Z");
    IncomingItem a = item("sort-a", "https://flaky.example/sort-a", "Tbilisi opens a cable car line to Narikala", when);
    IncomingItem b = item("sort-b", "https://flaky.example/sort-b", "Yerevan metro extends its evening hours", when);
    var first = ingest.ingest("flaky", List.of(a, b, a)); // a feed that repeats an entry
    assertThat(first.added()).isEqualTo(2);
    assertThat(first.unchanged()).isEqualTo(1);

    IncomingItem bChanged = item("sort-b", "https://flaky.example/sort-b", "Yerevan metro extends its evening hours to 1 am", when);
    IncomingItem d = item("sort-d", "https://flaky.example/sort-d", "Baku ferry terminal reopens after repairs", when);
    var second = ingest.ingest("flaky", List.of(a, bChanged, d));
    assertThat(second.added()).isEqualTo(1);
    assertThat(second.updated()).isEqualTo(1);
    assertThat(second.unchanged()).isEqualTo(1);
    String title = QuarkusTransaction.requiringNew().call(() ->
        ItemEntity.<ItemEntity>find("sourceId = ?1 and guid = ?2", "flaky", "sort-b").firstResult().title);
    assertThat(title).endsWith("to 1 am");
  }

  @Test
  void stampsTakenTogetherAreDistinctAndAscending() {
    long[] stamps = QuarkusTransaction.requiringNew().call(() -> revisions.next(5));
    long after = QuarkusTransaction.requiringNew().call(() -> revisions.next());
    assertThat(stamps).hasSize(5).doesNotHaveDuplicates().isSorted();
    assertThat(after).isGreaterThan(stamps[4]);
  }

  private static IncomingItem item(String guid, String url, String title, Instant when) {
    return new IncomingItem(guid, url, title, "<p>" + title + "</p>", title, null, "en", when, null);
  }

  private long storeAsAnotherReplica(Instant when) {
    return AnotherReplica.store(revisions, "flaky", "other-replica-1", "Fresco in Svetitskhoveli restored after four years",
        "https://flaky.example/fresco", "flaky.example/fresco", "<p>" + TEXT + "</p>", when).storyId();
  }
}
