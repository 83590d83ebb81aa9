package dev.tributary.it;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tributary.ingest.IncomingItem;
import dev.tributary.ingest.IngestReport;
import dev.tributary.ingest.IngestService;
import dev.tributary.store.ItemEntity;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** A feed with more entries than one flush batch is stored whole, once, and re-reading it changes nothing. */
@QuarkusTest
class BigFeedTest {
  @Inject IngestService ingest;

  @Test
  void thousandEntryFeedIsStoredOnceAndIsIdempotent() {
    List<IncomingItem> items = new ArrayList<>();
    Instant t = Instant.parse("2026-10-01T00:00:00Z");
    for (int i = 0; i < 1000; i++) {
      String text = "Archive entry number " + i + " of the big test feed, item code " + Integer.toHexString(i * 7919);
      items.add(new IncomingItem("big-" + i, "https://big.example/a/" + i, "Archive entry " + i, text, text,
          null, "en", t.plusSeconds(3600L * i), null));
    }

    IngestReport first = ingest.ingest("mirror", items);
    IngestReport again = ingest.ingest("mirror", items);

    assertThat(first.merged()).isZero();
    assertThat(first.added()).isEqualTo(1000);
    assertThat(again.added()).isZero();
    assertThat(again.unchanged()).isEqualTo(1000);
    long stored = QuarkusTransaction.requiringNew().call(() -> ItemEntity.count("sourceId = ?1 and guid like ?2", "mirror", "big-%"));
    assertThat(stored).isEqualTo(1000);
  }
}
