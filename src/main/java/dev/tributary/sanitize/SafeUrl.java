package dev.tributary.sanitize;

import java.net.URI;
import java.util.Locale;

/**
 * The one rule for every URL a publisher gives us, wherever it goes (item and feed links, Atom
 * links, JSON Feed urls, enclosures, images, links inside content, pages and merged feeds): an
 * absolute {@code http} or {@code https} URL, or nothing. Anything else ({@code javascript:},
 * {@code data:}, {@code vbscript:}, {@code file:}, a relative reference with nothing to resolve it
 * against) could run in a reader's browser or point at something the reader did not choose.
 */
public final class SafeUrl {
  private SafeUrl() {}

  /**
   * {@code raw} when it is an absolute http(s) URL, else null. Tabs and line breaks inside are
   * removed first, as browsers do before reading the scheme ({@code "java\tscript:"}).
   */
  public static String http(String raw) {
    if (raw == null) {
      return null;
    }
    String value = stripControls(raw);
    if (value.isEmpty()) {
      return null;
    }
    String lower = value.toLowerCase(Locale.ROOT);
    int prefix = lower.startsWith("http://") ? 7 : lower.startsWith("https://") ? 8 : -1;
    if (prefix < 0 || value.length() == prefix) {
      return null;
    }
    for (int i = 0; i < value.length(); i++) {
      char c = value.charAt(i);
      if (c < 0x20 || c == 0x7f) {
        return null;
      }
    }
    return value;
  }

  /** {@code raw} resolved against {@code base} (may be null), kept only when the result is http(s). */
  public static String resolve(URI base, String raw) {
    if (raw == null) {
      return null;
    }
    return http(UrlResolver.resolve(base, stripControls(raw)));
  }

  /** The safe URL, or {@code ""} where a reader expects the attribute to be present. */
  public static String httpOrEmpty(String raw) {
    String safe = http(raw);
    return safe == null ? "" : safe;
  }

  public static boolean isHttp(String raw) {
    return http(raw) != null;
  }

  private static String stripControls(String raw) {
    StringBuilder b = null;
    for (int i = 0; i < raw.length(); i++) {
      char c = raw.charAt(i);
      if (c == '\t' || c == '\n' || c == '\r') {
        if (b == null) {
          b = new StringBuilder(raw.length()).append(raw, 0, i);
        }
      } else if (b != null) {
        b.append(c);
      }
    }
    String s = b == null ? raw : b.toString();
    // leading and trailing C0 controls and spaces are ignored by URL parsers
    int start = 0;
    int end = s.length();
    while (start < end && s.charAt(start) <= 0x20) {
      start++;
    }
    while (end > start && s.charAt(end - 1) <= 0x20) {
      end--;
    }
    return s.substring(start, end);
  }
}
