package dev.tributary.store;

/** A stored report of another source that carries the same link: where a new report of it goes. */
public record LinkedItem(long itemId, long storyId, String url, String sourceId) {}
