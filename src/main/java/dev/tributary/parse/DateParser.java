package dev.tributary.parse;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads the dates feeds actually carry: RFC 822/1123 and its sloppy variants, W3C-DTF/ISO 8601,
 * asctime, and a few regional formats (Greek, Hungarian, Korean, Perforce). Whatever cannot be
 * read unambiguously gives null: a date is never guessed, and nothing depends on the clock.
 */
public final class DateParser {
  private static final int MAX_LENGTH = 200;

  private static final Pattern W3C = Pattern.compile(
      "^(\\d{4})(?:-(\\d{1,3})(?:-(\\d{1,2}))?)?"
          + "(?:(?:T|\\s+)(\\d{1,2}):(\\d{2})(?::(\\d{2})(?:[.,]\\d+)?)?"
          + "\\s*(Z|UTC|GMT|[+-]\\d{2}(?::?\\d{2})?)?)?$",
      Pattern.CASE_INSENSITIVE);
  private static final Pattern COMPACT_ISO = Pattern.compile(
      "^(\\d{4})(\\d{2})(\\d{2})(?:T(\\d{2}):?(\\d{2})(?::?(\\d{2})(?:[.,]\\d+)?)?)?\\s*(Z|[+-]\\d{2}(?::?\\d{2})?)?$");
  private static final Pattern SHORT_YEAR = Pattern.compile("^(\\d{2})-?(\\d{2})-?(\\d{2})$");
  private static final Pattern SHORT_YEAR_MONTH = Pattern.compile("^-(\\d{2})-?(\\d{2})$");
  private static final Pattern TIME = Pattern.compile("^(\\d{1,2}):(\\d{1,2})(?::(\\d{1,2}))?$");
  private static final Pattern OFFSET = Pattern.compile("^([+-])(\\d{1,2}):?(\\d{2})?$");
  private static final Pattern KOREAN_NATE = Pattern.compile(
      "^(\\d{4})-(\\d{2})-(\\d{2})\\s+(오전|오후)\\s+(\\d{1,2}):(\\d{2}):(\\d{2})$");
  private static final Pattern KOREAN_ONBLOG = Pattern.compile(
      "^(\\d{4})년\\s*(\\d{2})월\\s*(\\d{2})일\\s+(\\d{2}):(\\d{2}):(\\d{2})$");
  private static final Pattern PERFORCE = Pattern.compile(
      "^(?:\\w{3},\\s*)?(\\d{4})/(\\d{2})/(\\d{2})\\s+(\\d{2}):(\\d{2}):(\\d{2})\\s+(\\w+)$");
  private static final Pattern HUNGARIAN = Pattern.compile(
      "^(\\d{4})-([a-záéíóöőúüű]+)-(\\d{1,2})T(\\d{1,2}):(\\d{2})((?:[+-])\\d{1,2}:\\d{2})$",
      Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);

  private static final String[] MONTHS = {
    "jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"
  };
  private static final List<String> DAYS = List.of("mon", "tue", "wed", "thu", "fri", "sat", "sun");

  private static final Map<String, Integer> ZONES = Map.ofEntries(
      Map.entry("ut", 0), Map.entry("utc", 0), Map.entry("gmt", 0), Map.entry("z", 0),
      Map.entry("etc/gmt", 0), Map.entry("etc/utc", 0),
      Map.entry("adt", -3 * 60), Map.entry("ast", -4 * 60), Map.entry("at", -4 * 60),
      Map.entry("edt", -4 * 60), Map.entry("est", -5 * 60), Map.entry("et", -5 * 60),
      Map.entry("cdt", -5 * 60), Map.entry("cst", -6 * 60), Map.entry("ct", -6 * 60),
      Map.entry("mdt", -6 * 60), Map.entry("mst", -7 * 60), Map.entry("mt", -7 * 60),
      Map.entry("pdt", -7 * 60), Map.entry("pst", -8 * 60), Map.entry("pt", -8 * 60),
      Map.entry("met", 60), Map.entry("mest", 120), Map.entry("cet", 60), Map.entry("cest", 120),
      Map.entry("bst", 60), Map.entry("eet", 120), Map.entry("eest", 180), Map.entry("msk", 180),
      Map.entry("jst", 540), Map.entry("kst", 540), Map.entry("hkt", 480), Map.entry("ist", 330),
      Map.entry("akst", -9 * 60), Map.entry("akdt", -8 * 60), Map.entry("hst", -10 * 60),
      Map.entry("a", -60), Map.entry("n", 60), Map.entry("m", -12 * 60), Map.entry("y", 12 * 60));

  private static final Map<String, String> GREEK = Map.ofEntries(
      Map.entry("Κυρ", "Sun"), Map.entry("Δευ", "Mon"), Map.entry("Τρι", "Tue"),
      Map.entry("Τετ", "Wed"), Map.entry("Πεμ", "Thu"), Map.entry("Παρ", "Fri"),
      Map.entry("Σαβ", "Sat"), Map.entry("Ιαν", "Jan"), Map.entry("Φεβ", "Feb"),
      Map.entry("Μάώ", "Mar"), Map.entry("Μαρ", "Mar"), Map.entry("Μάρ", "Mar"),
      Map.entry("Απρ", "Apr"), Map.entry("Μάι", "May"), Map.entry("Μαϊ", "May"),
      Map.entry("Μαι", "May"), Map.entry("Ιούν", "Jun"), Map.entry("Ιον", "Jun"),
      Map.entry("Ιούλ", "Jul"), Map.entry("Ιολ", "Jul"), Map.entry("Αύγ", "Aug"),
      Map.entry("Αυγ", "Aug"), Map.entry("Σεπ", "Sep"), Map.entry("Οκτ", "Oct"),
      Map.entry("Νοέ", "Nov"), Map.entry("Νοε", "Nov"), Map.entry("Δεκ", "Dec"));

  private static final Map<String, Integer> HUNGARIAN_MONTHS = Map.ofEntries(
      Map.entry("január", 1), Map.entry("február", 2), Map.entry("március", 3),
      Map.entry("április", 4), Map.entry("máujus", 5), Map.entry("május", 5),
      Map.entry("június", 6), Map.entry("július", 7), Map.entry("augusztus", 8),
      Map.entry("szeptember", 9), Map.entry("október", 10), Map.entry("november", 11),
      Map.entry("december", 12));

  private DateParser() {}

  /** The instant the text denotes, or null when it cannot be read. */
  public static Instant parse(String text) {
    if (text == null) {
      return null;
    }
    String s = text.strip();
    if (s.isEmpty() || s.length() > MAX_LENGTH) {
      return null;
    }
    try {
      Instant result = w3c(s);
      if (result == null) {
        result = rfc822(s);
      }
      if (result == null) {
        result = regional(s);
      }
      return result;
    } catch (DateTimeException | NumberFormatException e) {
      return null;
    }
  }

  private static Instant w3c(String s) {
    Matcher m = W3C.matcher(s);
    if (!m.matches()) {
      m = COMPACT_ISO.matcher(s);
    }
    if (m.matches()) {
      int year = Integer.parseInt(m.group(1));
      int month = m.group(2) == null ? 1 : Integer.parseInt(m.group(2));
      int day = m.group(3) == null ? 1 : Integer.parseInt(m.group(3));
      int hour = m.group(4) == null ? 0 : Integer.parseInt(m.group(4));
      int minute = m.group(5) == null ? 0 : Integer.parseInt(m.group(5));
      int second = m.group(6) == null ? 0 : Integer.parseInt(m.group(6));
      Integer offset = m.group(7) == null ? Integer.valueOf(0) : zone(m.group(7));
      if (offset == null) {
        return null;
      }
      return build(year, month, day, hour, minute, second, offset);
    }
    m = SHORT_YEAR.matcher(s);
    if (m.matches()) {
      return build(2000 + Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)),
          Integer.parseInt(m.group(3)), 0, 0, 0, 0);
    }
    m = SHORT_YEAR_MONTH.matcher(s);
    if (m.matches()) {
      return build(2000 + Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)), 1, 0, 0, 0, 0);
    }
    return null;
  }

  private static Instant rfc822(String input) {
    String s = input.replace(',', ' ').strip();
    List<String> parts = new ArrayList<>(List.of(s.split("\\s+")));
    if (parts.isEmpty()) {
      return null;
    }
    String first = parts.get(0).toLowerCase(Locale.ROOT);
    if (first.length() >= 3 && DAYS.contains(first.substring(0, 3)) && !Character.isDigit(first.charAt(0))) {
      parts.remove(0);
    }
    if (parts.size() < 3) {
      return null;
    }
    // asctime: "Jan 4 16:29:06 [+0000] 2004" -> "4 Jan 2004 16:29:06 [+0000]"
    if (month(parts.get(0)) > 0 && parts.size() >= 4 && parts.get(2).contains(":")) {
      String year = parts.get(parts.size() - 1);
      String zone = parts.size() >= 5 ? parts.get(3) : null;
      List<String> reordered = new ArrayList<>(List.of(parts.get(1), parts.get(0), year, parts.get(2)));
      if (zone != null) {
        reordered.add(zone);
      }
      parts = reordered;
    } else if (month(parts.get(0)) > 0) {
      // "Aug 30 2012 17:26:16 +0200"
      String tmp = parts.get(0);
      parts.set(0, parts.get(1));
      parts.set(1, tmp);
    }
    if (!parts.get(0).matches("\\d{1,2}")) {
      return null;
    }
    int day = Integer.parseInt(parts.get(0));
    int month = month(parts.get(1));
    if (month <= 0 || !parts.get(2).matches("\\d{2,4}")) {
      return null;
    }
    String yearText = parts.get(2);
    int year = Integer.parseInt(yearText);
    if (yearText.length() <= 2) {
      year += year > 90 ? 1900 : 2000;
    }
    int hour = 0;
    int minute = 0;
    int second = 0;
    int offset = 0;
    if (parts.size() > 3) {
      Matcher t = TIME.matcher(parts.get(3));
      if (!t.matches()) {
        return null;
      }
      hour = Integer.parseInt(t.group(1));
      minute = Integer.parseInt(t.group(2));
      second = t.group(3) == null ? 0 : Integer.parseInt(t.group(3));
      if (parts.size() > 4) {
        String zoneText = String.join("", parts.subList(4, parts.size()));
        Integer z = zone(zoneText);
        if (z == null) {
          return null;
        }
        offset = z;
      }
    }
    return build(year, month, day, hour, minute, second, offset);
  }

  private static Instant regional(String s) {
    String translated = s;
    boolean greek = false;
    for (Map.Entry<String, String> e : GREEK.entrySet()) {
      if (translated.contains(e.getKey())) {
        translated = translated.replace(e.getKey(), e.getValue());
        greek = true;
      }
    }
    if (greek) {
      return rfc822(translated);
    }
    Matcher m = HUNGARIAN.matcher(s.toLowerCase(Locale.ROOT));
    if (m.matches()) {
      Integer month = HUNGARIAN_MONTHS.get(m.group(2));
      Integer offset = zone(m.group(6));
      if (month == null || offset == null) {
        return null;
      }
      return build(Integer.parseInt(m.group(1)), month, Integer.parseInt(m.group(3)),
          Integer.parseInt(m.group(4)), Integer.parseInt(m.group(5)), 0, offset);
    }
    m = KOREAN_NATE.matcher(s);
    if (m.matches()) {
      int hour = Integer.parseInt(m.group(5));
      if (m.group(4).equals("오후") && hour < 12) {
        hour += 12;
      } else if (m.group(4).equals("오전") && hour == 12) {
        hour = 0;
      }
      return build(Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)), Integer.parseInt(m.group(3)),
          hour, Integer.parseInt(m.group(6)), Integer.parseInt(m.group(7)), 540);
    }
    m = KOREAN_ONBLOG.matcher(s);
    if (m.matches()) {
      return build(Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)), Integer.parseInt(m.group(3)),
          Integer.parseInt(m.group(4)), Integer.parseInt(m.group(5)), Integer.parseInt(m.group(6)), 540);
    }
    m = PERFORCE.matcher(s);
    if (m.matches()) {
      Integer offset = zone(m.group(7));
      if (offset == null) {
        return null;
      }
      return build(Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)), Integer.parseInt(m.group(3)),
          Integer.parseInt(m.group(4)), Integer.parseInt(m.group(5)), Integer.parseInt(m.group(6)), offset);
    }
    return null;
  }

  private static int month(String token) {
    String t = token.toLowerCase(Locale.ROOT);
    if (t.length() < 3 || !t.chars().allMatch(Character::isLetter)) {
      return -1;
    }
    for (int i = 0; i < MONTHS.length; i++) {
      if (t.startsWith(MONTHS[i])) {
        return i + 1;
      }
    }
    return -1;
  }

  /** Offset in minutes east of UTC, or null when the zone is unreadable. */
  private static Integer zone(String text) {
    String z = text.strip().toLowerCase(Locale.ROOT);
    Integer named = ZONES.get(z);
    if (named != null) {
      return named;
    }
    for (String prefix : List.of("gmt", "utc", "ut")) {
      if (z.startsWith(prefix) && z.length() > prefix.length()
          && (z.charAt(prefix.length()) == '+' || z.charAt(prefix.length()) == '-')) {
        z = z.substring(prefix.length());
        break;
      }
    }
    Matcher m = OFFSET.matcher(z);
    if (!m.matches()) {
      return null;
    }
    int hours = Integer.parseInt(m.group(2));
    int minutes = m.group(3) == null ? 0 : Integer.parseInt(m.group(3));
    if (hours > 18 || minutes > 59) {
      return null;
    }
    int total = hours * 60 + minutes;
    return m.group(1).equals("-") ? -total : total;
  }

  private static Instant build(int year, int month, int day, int hour, int minute, int second, int offsetMinutes) {
    if (hour == 24 && minute == 0 && second == 0) {
      return LocalDate.of(year, month, day).plusDays(1).atStartOfDay().toInstant(ZoneOffset.ofTotalSeconds(offsetMinutes * 60));
    }
    return LocalDateTime.of(year, month, day, hour, minute, second)
        .toInstant(ZoneOffset.ofTotalSeconds(offsetMinutes * 60));
  }
}
