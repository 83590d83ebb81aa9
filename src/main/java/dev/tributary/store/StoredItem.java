package dev.tributary.store;

/** Where a new report went: its id, its story, and its assignment stamp. */
public record StoredItem(long itemId, long storyId, long seq) {}
