package dev.tributary.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tributary.store.HashKey;
import dev.tributary.store.Hashes;
import dev.tributary.store.IndexedItem;
import dev.tributary.store.LinkedItem;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The links a batch read before the lock, brought up to date by the reports caught up on after. */
class RelinkTest {
  private static final Instant WHEN = Instant.parse("2026-11-30T10:00:00Z");

  private static final HashKey H = Hashes.key("h");
  private static final HashKey G = Hashes.key("g");
  private static final HashKey X = Hashes.key("x");

  private static IndexedItem caught(long id, long storyId, HashKey urlHash) {
    return new IndexedItem(id, "other", storyId, id, "https://other.example/a", urlHash, null, null, "en", WHEN, WHEN,
        null);
  }

  @Test
  void aReportStoredSinceJoinsItsLinkInIdOrder() {
    Map<HashKey, List<LinkedItem>> links = new HashMap<>();
    links.put(H, new ArrayList<>(List.of(new LinkedItem(5, 50, "u", "a"), new LinkedItem(9, 90, "u", "b"))));
    IngestService.relink(links, Set.of(H), caught(7, 70, H));
    IngestService.relink(links, Set.of(H, G), caught(8, 80, G));
    assertThat(links.get(H)).extracting(LinkedItem::itemId).containsExactly(5L, 7L, 9L);
    assertThat(links.get(G)).extracting(LinkedItem::storyId).containsExactly(80L);
  }

  @Test
  void aReportMovedSinceIsFoundInItsNewStoryOnce() {
    Map<HashKey, List<LinkedItem>> links = new HashMap<>();
    links.put(H, new ArrayList<>(List.of(new LinkedItem(5, 50, "u", "a"))));
    IngestService.relink(links, Set.of(H), caught(5, 55, H));
    assertThat(links.get(H)).extracting(LinkedItem::storyId).containsExactly(55L);
  }

  @Test
  void reportsOfOtherLinksOrNoneAreLeftOut() {
    Map<HashKey, List<LinkedItem>> links = new HashMap<>();
    IngestService.relink(links, Set.of(H), caught(5, 50, X));
    IngestService.relink(links, Set.of(H), caught(6, 60, null));
    assertThat(links).isEmpty();
  }
}
