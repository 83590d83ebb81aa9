package dev.tributary.store;

/** How much is stored: reports, and stories that stand on their own (not merged away). */
public record Totals(long items, long stories) {}
