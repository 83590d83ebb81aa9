package dev.tributary.web;

import dev.tributary.config.TributarySettings;
import java.util.OptionalInt;

/** The {@code ?limit=} of feeds and story pages: the configured default, bounded by the maximum. */
final class PageLimit {
  private PageLimit() {}

  /** The limit to use, or empty when the request asked for one out of range. */
  static OptionalInt of(Integer requested, TributarySettings.Publish publish) {
    int n = requested == null ? publish.defaultLimit() : requested;
    return n < 1 || n > publish.maxLimit() ? OptionalInt.empty() : OptionalInt.of(n);
  }

  static jakarta.ws.rs.core.Response outOfRange(TributarySettings.Publish publish) {
    return Errors.badRequest("limit must be between 1 and " + publish.maxLimit());
  }
}
