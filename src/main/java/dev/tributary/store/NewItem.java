package dev.tributary.store;

import java.time.Instant;

/**
 * A report about to be stored: its identity keys, its content hash and what it says; and the
 * story engine's analysis of it ({@code analysisVersion} 0: none), kept so no replica analyses it again.
 */
public record NewItem(String sourceId, String guid, HashKey guidHash, HashKey urlHash, HashKey contentHash,
    Instant firstSeen, ItemFields fields, int analysisVersion, byte[] analysis) {

  public NewItem {
    guid = Columns.clip(guid, Columns.GUID);
  }

  public NewItem(String sourceId, String guid, HashKey guidHash, HashKey urlHash, HashKey contentHash, Instant firstSeen,
      ItemFields fields) {
    this(sourceId, guid, guidHash, urlHash, contentHash, firstSeen, fields, 0, null);
  }

  /** The same report with the story engine's analysis of it. */
  public NewItem withAnalysis(int version, byte[] bytes) {
    return new NewItem(sourceId, guid, guidHash, urlHash, contentHash, firstSeen, fields, version, bytes);
  }
}
