package dev.tributary.ingest;

/** What storing one fetched feed changed. */
public record IngestReport(int added, int updated, int unchanged, int duplicates) {
  public boolean changedAnything() {
    return added + updated > 0;
  }
}
