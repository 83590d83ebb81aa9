package dev.tributary.ingest;

import dev.tributary.store.HashKey;
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

  /**
   * Whether the publisher named the item apart from its link: a guid that is not just the link
   * (fragment included, so nine posts on one page with nine #anchors as guids stay nine). Only an
   * item without one is the same item as another source's report of its link.
   */
  public static boolean hasDistinctGuid(IncomingItem item) {
    if (item.guid() == null || item.guid().isBlank()) {
      return false;
    }
    String guid = item.guid().strip();
    Optional<String> guidKey = CanonicalUrl.identityKey(guid);
    Optional<String> urlKey = CanonicalUrl.identityKey(item.url());
    if (guidKey.isEmpty() || urlKey.isEmpty()) {
      return !guid.equals(item.url() == null ? null : item.url().strip());
    }
    return !(guidKey.equals(urlKey) && CanonicalUrl.fragment(guid).equals(CanonicalUrl.fragment(item.url())));
  }

  public static HashKey contentHash(IncomingItem item) {
    return Hashes.key(item.title(), item.url(), item.summaryHtml(), item.author(),
        String.valueOf(item.published()), String.valueOf(item.updated()));
  }
}
