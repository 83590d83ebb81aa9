package dev.tributary.store;

import java.time.Instant;

/** A report about to be stored: its identity keys, its content hash and what it says. */
public record NewItem(String sourceId, String guid, String guidHash, String urlHash, String contentHash,
    Instant firstSeen, ItemFields fields) {

  public NewItem {
    guid = Columns.clip(guid, Columns.GUID);
  }
}
