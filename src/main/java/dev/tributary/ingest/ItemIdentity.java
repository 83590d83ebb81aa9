package dev.tributary.ingest;

import dev.tributary.store.Hashes;
import java.time.Instant;
import java.util.Optional;

/**
 * How an item is recognised again: (source, guid), falling back to the canonical link, then to a
 * hash of title and date.
 */
public final class ItemIdentity {
  private ItemIdentity() {}

  public static String guidOf(IncomingItem item) {
    if (item.guid() != null && !item.guid().isBlank()) {
      return item.guid().trim();
    }
    Optional<String> canonical = CanonicalUrl.of(item.url());
    if (canonical.isPresent()) {
      return canonical.get();
    }
    Instant when = item.published() != null ? item.published() : item.updated();
    return "hash:" + Hashes.hex(item.title(), when == null ? "" : when.toString());
  }

  public static String contentHash(IncomingItem item) {
    return Hashes.hex(item.title(), item.url(), item.summaryHtml(), item.author(),
        String.valueOf(item.published()), String.valueOf(item.updated()));
  }
}
