package dev.tributary.parse;

import dev.tributary.sanitize.UrlResolver;
import java.time.Instant;
import java.util.List;

/** Small conversions every element reader needs: trimmed text, resolved URLs, numbers. */
final class XmlValues {
  private XmlValues() {}

  static String text(XElement el) {
    return emptyToNull(el.text().strip());
  }

  static String language(XElement el) {
    return el.lang == null || el.lang.isBlank() ? null : el.lang.replace('_', '-');
  }

  static String resolve(XElement el, String value) {
    if (value == null) {
      return null;
    }
    return UrlResolver.resolve(el.base, value.strip());
  }

  static Instant dateOr(XElement el, Instant previous) {
    Instant parsed = DateParser.parse(el.text());
    return parsed != null ? parsed : previous;
  }

  static Integer integer(String s) {
    if (s == null) {
      return null;
    }
    try {
      return Integer.valueOf(s.strip());
    } catch (NumberFormatException e) {
      return null;
    }
  }

  static Long longValue(String s) {
    if (s == null || s.isBlank()) {
      return null;
    }
    try {
      return Long.valueOf(s.strip());
    } catch (NumberFormatException e) {
      return null;
    }
  }

  static String emptyToNull(String s) {
    return s == null || s.isBlank() ? null : s;
  }

  static <T> List<T> nullIfEmpty(List<T> list) {
    return list.isEmpty() ? null : List.copyOf(list);
  }
}
