package dev.tributary.parse;

import dev.tributary.model.NormalizedFeed;

/** Bytes either became a feed (possibly repaired: {@code meta.bozo}) or were not a feed at all. */
public sealed interface ParseResult permits ParseResult.Parsed, ParseResult.NotAFeed {
  record Parsed(NormalizedFeed feed) implements ParseResult {}

  record NotAFeed(String reason) implements ParseResult {}
}
