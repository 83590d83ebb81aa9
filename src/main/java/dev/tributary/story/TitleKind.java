package dev.tributary.story;

import java.time.DayOfWeek;
import java.time.Month;
import java.time.format.TextStyle;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.lucene.analysis.Analyzer;

/**
 * What kind of headline a title makes, judged by the shape of its words, not by a list of known
 * phrases. A word is a marker rather than content when it holds a digit, names a month or a
 * weekday (in the title's language or English, as the JDK's locale data spells them), is an
 * acronym in capitals (an agency's byline, a shouted label) or is a word of the source's own
 * name; stop words are no content either. A title with fewer than two content words, or two
 * capitalized ones beside markers (place, date, agency: "City, Month 24, AGENCY"), is
 * {@link #BARE}. A title behind a short label ("Word: ...", "LONGCAPS ...") is {@link #LABELLED}.
 */
enum TitleKind {
  PROPER,
  LABELLED,
  BARE,
  NONE;

  private static final Pattern WORD = Pattern.compile("[\\p{L}\\p{M}\\p{N}]+");
  // one or two words, then a colon, a bar or a spaced dash, then the title proper
  private static final Pattern SHORT_LABEL =
      Pattern.compile("^\\s*([\\p{L}\\p{M}\\p{N}]+(?:\\s+[\\p{L}\\p{M}\\p{N}]+)?)\\s*(?::|\\||\\s[-\u2013\u2014]\\s)\\s*\\S");
  // a leading capitals-only word this long is a label (BREAKING, UPDATE), not an acronym (EU, NATO)
  private static final int SHOUTED_LABEL_LETTERS = 5;
  private static final Map<String, Set<String>> DATE_WORDS = new ConcurrentHashMap<>();

  static TitleKind of(String title, String language, String sourceName, Analyzer analyzer) {
    if (title == null || title.isBlank()) {
      return NONE;
    }
    List<String> words = WORD.matcher(title).results().map(m -> m.group()).toList();
    boolean shouting = !hasLower(title);
    int labelWords = labelWords(title, words, shouting);
    Set<String> dates = dateWords(language);
    Set<String> own = sourceWords(sourceName);
    int content = 0;
    int capitalized = 0;
    boolean marker = false;
    for (int i = labelWords; i < words.size(); i++) {
      String w = words.get(i);
      String lower = w.toLowerCase(Locale.ROOT);
      if (w.chars().anyMatch(Character::isDigit) || dates.contains(lower) || own.contains(lower)
          || (!shouting && acronym(w))) {
        marker = true;
      } else if (!Tokens.stems(analyzer, w).isEmpty()) {
        content++;
        capitalized += Character.isUpperCase(w.codePointAt(0)) ? 1 : 0;
      }
    }
    if (content < 2 || (content == 2 && capitalized == 2 && marker)) {
      return BARE;
    }
    return labelWords > 0 ? LABELLED : PROPER;
  }

  private static int labelWords(String title, List<String> words, boolean shouting) {
    Matcher m = SHORT_LABEL.matcher(title);
    if (m.find()) {
      return WORD.matcher(m.group(1)).results().mapToInt(x -> 1).sum();
    }
    if (!shouting && !words.isEmpty() && acronym(words.get(0))
        && words.get(0).codePoints().filter(Character::isLetter).count() >= SHOUTED_LABEL_LETTERS) {
      return 1;
    }
    return 0;
  }

  private static boolean hasLower(String s) {
    return s.codePoints().anyMatch(Character::isLowerCase);
  }

  // two or more letters, every cased one a capital
  private static boolean acronym(String w) {
    return w.codePoints().filter(Character::isLetter).count() >= 2 && !hasLower(w)
        && w.codePoints().anyMatch(Character::isUpperCase);
  }

  private static Set<String> sourceWords(String sourceName) {
    Set<String> out = new HashSet<>();
    if (sourceName != null) {
      WORD.matcher(sourceName).results().map(m -> m.group().toLowerCase(Locale.ROOT))
          .filter(w -> w.length() > 1).forEach(out::add);
    }
    return out;
  }

  /** Month and weekday names, full and short, of the language and of English, lower case. */
  static Set<String> dateWords(String language) {
    String lang = language == null ? "" : language;
    return DATE_WORDS.computeIfAbsent(lang, l -> {
      Set<String> out = new HashSet<>();
      for (Locale locale : l.isEmpty() ? List.of(Locale.ENGLISH) : List.of(Locale.ENGLISH, Locale.forLanguageTag(l))) {
        for (TextStyle style : TextStyle.values()) {
          for (Month month : Month.values()) {
            add(out, month.getDisplayName(style, locale));
          }
          for (DayOfWeek day : DayOfWeek.values()) {
            add(out, day.getDisplayName(style, locale));
          }
        }
      }
      return Set.copyOf(out);
    });
  }

  private static void add(Set<String> out, String name) {
    WORD.matcher(name).results().map(m -> m.group().toLowerCase(Locale.ROOT)).filter(w -> w.length() > 1)
        .forEach(out::add);
  }
}
