package dev.tributary.store;

/** A report already stored for a source under a guid: enough to tell unchanged from changed. */
public record KnownItem(long id, long storyId, HashKey contentHash) {}
