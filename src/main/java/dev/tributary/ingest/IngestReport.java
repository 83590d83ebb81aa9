package dev.tributary.ingest;

/**
 * What storing one fetched feed changed. {@code merged}: of the added reports, those stored as a
 * duplicate of another source's report of the same link (kept and attributed, never dropped).
 */
public record IngestReport(int added, int updated, int unchanged, int merged) {
  public boolean changedAnything() {
    return added + updated > 0;
  }
}
