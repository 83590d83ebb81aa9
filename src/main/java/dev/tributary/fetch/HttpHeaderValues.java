package dev.tributary.fetch;

import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Locale;

/** Parsing of the few response headers that steer scheduling. Lenient: junk reads as absent. */
final class HttpHeaderValues {
  private HttpHeaderValues() {}

  static CacheHints cacheHints(String cacheControl, String expires) {
    Duration maxAge = maxAge(cacheControl);
    Instant exp = httpDate(expires);
    return maxAge == null && exp == null ? CacheHints.NONE : new CacheHints(maxAge, exp);
  }

  static Duration maxAge(String cacheControl) {
    if (cacheControl == null) return null;
    for (String part : cacheControl.split(",")) {
      String p = part.trim().toLowerCase(Locale.ROOT);
      if (p.startsWith("max-age=")) {
        Long seconds = seconds(p.substring("max-age=".length()));
        if (seconds != null) return Duration.ofSeconds(seconds);
      }
    }
    return null;
  }

  /** Retry-After as delay-seconds or an HTTP-date, relative to {@code now}; never negative. */
  static Duration retryAfter(String value, Instant now) {
    if (value == null) return null;
    Long seconds = seconds(value.trim());
    if (seconds != null) return Duration.ofSeconds(seconds);
    Instant at = httpDate(value);
    if (at == null) return null;
    Duration d = Duration.between(now, at);
    return d.isNegative() ? Duration.ZERO : d;
  }

  static Instant httpDate(String value) {
    if (value == null || value.isBlank()) return null;
    try {
      return ZonedDateTime.parse(value.trim(), DateTimeFormatter.RFC_1123_DATE_TIME).toInstant();
    } catch (DateTimeParseException e) {
      // "Expires: 0" and friends mean "already expired": no floor
      return null;
    }
  }

  private static Long seconds(String s) {
    String v = s.startsWith("\"") && s.endsWith("\"") && s.length() > 1 ? s.substring(1, s.length() - 1) : s;
    if (v.isEmpty() || v.length() > 12) return null;
    for (int i = 0; i < v.length(); i++) if (!Character.isDigit(v.charAt(i))) return null;
    return Long.parseLong(v);
  }
}
