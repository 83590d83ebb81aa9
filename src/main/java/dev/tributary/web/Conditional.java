package dev.tributary.web;

import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;

/** RFC 9110 conditional GET: If-None-Match wins over If-Modified-Since when both are sent. */
final class Conditional {
  private Conditional() {}

  static boolean notModified(String ifNoneMatch, String ifModifiedSince, String etag, Instant lastModified) {
    if (ifNoneMatch != null && !ifNoneMatch.isBlank()) {
      for (String tag : ifNoneMatch.split(",")) {
        String t = tag.trim();
        if (t.equals("*") || weakless(t).equals(weakless(etag))) {
          return true;
        }
      }
      return false;
    }
    if (ifModifiedSince != null && !ifModifiedSince.isBlank()) {
      try {
        Instant since = ZonedDateTime.parse(ifModifiedSince.trim(), DateTimeFormatter.RFC_1123_DATE_TIME).toInstant();
        return !lastModified.isAfter(since);
      } catch (DateTimeParseException e) {
        return false; // an unreadable date is ignored, as the RFC says
      }
    }
    return false;
  }

  private static String weakless(String tag) {
    return tag.startsWith("W/") ? tag.substring(2) : tag;
  }
}
