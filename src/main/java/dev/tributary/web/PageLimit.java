package dev.tributary.web;

import dev.tributary.config.TributarySettings;
import jakarta.ws.rs.core.Response;
import java.util.OptionalInt;

/** The {@code ?limit=} of feeds and story pages: the configured default, bounded by the maximum. */
final class PageLimit {
  private PageLimit() {}

  /** The limit to use, or empty when the request asked for one out of range. */
  static OptionalInt of(Integer requested, TributarySettings.Publish publish) {
    int n = requested == null ? publish.defaultLimit() : requested;
    return n < 1 || n > publish.maxLimit() ? OptionalInt.empty() : OptionalInt.of(n);
  }

  /**
   * The rendered sizes merged feeds come in: a requested limit is served by the smallest of
   * them that holds it, so rotating {@code ?limit=1..500} reuses six cached renderings per
   * channel and format instead of rendering (and querying) five hundred.
   */
  static final int[] CACHED_SIZES = {10, 20, 50, 100, 200, 500};

  static int cachedSize(int limit) {
    for (int size : CACHED_SIZES) {
      if (size >= limit) {
        return size;
      }
    }
    return limit;
  }

  static Response outOfRange(TributarySettings.Publish publish) {
    return Errors.badRequest("limit must be between 1 and " + publish.maxLimit());
  }
}
