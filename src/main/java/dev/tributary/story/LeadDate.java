package dev.tributary.story;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The first calendar date (day and month) in a report's opening, "4 мая", "May 4", "4 May": a
 * report says when its event happened, so two reports whose openings date their events days
 * apart are likely two events of one kind (the same index on different days).
 */
final class LeadDate {

  static final int NONE = -1;
  private static final int OPENING = 400;

  private static final String[] RU = {
    "январ", "феврал", "март", "апрел", "ма[яе]", "июн", "июл", "август", "сентябр", "октябр", "ноябр", "декабр"
  };
  private static final String[] EN = {
    "jan(?:uary)?", "feb(?:ruary)?", "mar(?:ch)?", "apr(?:il)?", "may", "june?", "july?", "aug(?:ust)?",
    "sep(?:t|tember)?", "oct(?:ober)?", "nov(?:ember)?", "dec(?:ember)?"
  };
  private static final Pattern DAY_MONTH;
  private static final Pattern MONTH_DAY;
  private static final Pattern[] FORMS;
  /**
   * Holidays on a fixed day, which openings name instead of the date ("в День Победы"), with their
   * day; matched as written (capitalized), which also keeps the scan to a few vectorized searches.
   */
  private static final String[] HOLIDAYS = {
    "День Победы", "Дня Победы", "Victory Day", "Christmas Day", "Christmas Eve", "New Year's Day", "New Year's Eve",
    "новогоднюю ночь", "Новогоднюю ночь", "День защитника Отечества", "Международный женский день", "International Women's Day",
    "День России", "День народного единства", "Halloween"
  };
  private static final int[] HOLIDAY_DAY = {
    4 * 31 + 9, 4 * 31 + 9, 4 * 31 + 9, 11 * 31 + 25, 11 * 31 + 24, 1, 11 * 31 + 31,
    11 * 31 + 31, 11 * 31 + 31, 31 + 23, 2 * 31 + 8, 2 * 31 + 8,
    5 * 31 + 12, 10 * 31 + 4, 9 * 31 + 31
  };

  static {
    StringBuilder months = new StringBuilder();
    for (int i = 0; i < 12; i++) {
      months.append(i == 0 ? "" : "|").append("(?<m").append(i).append(">").append(RU[i]).append("\\p{L}*|")
          .append(EN[i]).append(")");
    }
    DAY_MONTH = Pattern.compile("(?iU)\\b(?<d>[0-3]?\\d)\\s+(" + months + ")\\b");
    MONTH_DAY = Pattern.compile("(?iU)\\b(" + months + ")\\.?\\s+(?<d>[0-3]?\\d)\\b(?!\\s*[:.]\\d)");
    FORMS = new Pattern[] {DAY_MONTH, MONTH_DAY};
  }

  private LeadDate() {}

  /** Day of a 372-day year of the opening's first date, or {@link #NONE}. */
  static int of(String text) {
    if (text == null || text.isEmpty()) {
      return NONE;
    }
    String opening = text.length() > OPENING ? text.substring(0, OPENING) : text;
    int best = NONE, at = Integer.MAX_VALUE;
    for (int i = 0; i < HOLIDAYS.length; i++) {
      int found = opening.indexOf(HOLIDAYS[i]);
      if (found >= 0 && found < at) {
        best = HOLIDAY_DAY[i];
        at = found;
      }
    }
    if (opening.chars().noneMatch(Character::isDigit)) {
      return best; // every other form has a day number; the patterns cost a fifth of an item's analysis
    }
    for (Pattern p : FORMS) {
      Matcher m = p.matcher(opening);
      boolean found = m.find();
      // a period's bound or a deadline ("с 1 июля", "до 31 декабря", "from July 1") is no day the
      // event happened: the next date is read instead
      while (found && m.start() < at && boundBefore(opening, m.start())) {
        found = m.find();
      }
      if (found && m.start() < at) {
        int day = Integer.parseInt(m.group("d"));
        for (int i = 0; i < 12; i++) {
          if (m.group("m" + i) != null && day >= 1 && day <= 31) {
            best = i * 31 + day;
            at = m.start();
          }
        }
      }
    }
    return best;
  }

  // words before a date that make it a period's bound or a deadline rather than an event's day
  private static final Set<String> BOUNDS = Set.of(
      "с", "со", "до", "по", "к", "from", "until", "till", "through", "by");

  /** Whether the word just before {@code start} makes the date there a period's bound or a deadline. */
  static boolean boundBefore(String text, int start) {
    int end = start;
    while (end > 0 && Character.isWhitespace(text.charAt(end - 1))) {
      end--;
    }
    int begin = end;
    while (begin > 0 && Character.isLetter(text.charAt(begin - 1))) {
      begin--;
    }
    return begin < end && BOUNDS.contains(text.substring(begin, end).toLowerCase(Locale.ROOT));
  }

  /** The day of an instant (UTC) in the same 372-day year. */
  static int dayOf(Instant at) {
    LocalDate d = at.atZone(ZoneOffset.UTC).toLocalDate();
    return (d.getMonthValue() - 1) * 31 + d.getDayOfMonth();
  }

  /**
   * The opening's date when it can be the report's event: a dated report whose opening names a
   * day well before (or after) its own publication cites background ("the crash of 25 December"),
   * which says nothing about which event it reports.
   */
  static int ofReport(String text, Instant published) {
    int lead = of(text);
    return published != null && apart(lead, dayOf(published)) ? NONE : lead;
  }

  /** Whether two dates are both known and more than a day apart (31 December and 1 January are not). */
  static boolean apart(int a, int b) {
    if (a == NONE || b == NONE) {
      return false;
    }
    int gap = Math.abs(a - b);
    return Math.min(gap, 12 * 31 - gap) > 1;
  }
}
