package dev.tributary.store;

/** Fired inside a transaction that changed what feeds show; observers act after it commits. */
public record DataChanged(String reason) {}
