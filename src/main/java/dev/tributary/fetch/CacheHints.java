package dev.tributary.fetch;

import java.time.Duration;
import java.time.Instant;

/** Freshness the server asked for: {@code Cache-Control: max-age}, {@code Expires}. Null when absent. */
public record CacheHints(Duration maxAge, Instant expires) {
  public static final CacheHints NONE = new CacheHints(null, null);
}
