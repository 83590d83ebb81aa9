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
 * weekday (in the title's language or English, as the JDK's locale data spells them) or is an
 * acronym in capitals (an agency's byline, a shouted label); stop words are no content either. A
 * title with fewer than two content words, or that is a short list of names beside a marker or a
 * label (at most {@link #MAX_NAMES} content words, all capitalized, in two or more pieces between
 * commas, brackets or dashes, none holding more than two: "City, Month 24, AGENCY", "Text: First
 * Last, City"), is {@link #BARE}. A title behind a short label
 * ("Word: ...", "LONGCAPS ...") is {@link #LABELLED}; one that runs on like a sentence (more than
 * {@link #HEADLINE_WORDS} words, or cut off with an ellipsis) is {@link #RUN_ON}.
 */
enum TitleKind {
  PROPER,
  LABELLED,
  RUN_ON,
  BARE,
  NONE;

  /**
   * Whether a title of this kind says what the story is (a proper or labelled headline), rather
   * than a dateline, a byline, an opening sentence run on, or nothing: only such a title has names
   * or an actor of the headline's own.
   */
  boolean headsTheStory() {
    return this == PROPER || this == LABELLED;
  }

  // a dateline or byline names a few things: place, person, agency
  private static final int MAX_NAMES = 4;
  // "and", "by", "de": the lower-case words a list of names may hold
  private static final int NAME_JOINER_LETTERS = 3;

  /** Longer than this, a title reads as an article's first sentence rather than a headline. */
  static final int HEADLINE_WORDS = 16;
  // the pieces a dateline or byline is made of
  private static final Pattern PIECES = Pattern.compile("[,;/|()\\[\\]\u2013\u2014]|\\s-\\s|\\.\\s");

  private static final Pattern WORD = Pattern.compile("[\\p{L}\\p{M}\\p{N}]+");
  // one or two words, then a colon, a bar or a spaced dash, then the title proper
  private static final Pattern SHORT_LABEL =
      Pattern.compile("^\\s*([\\p{L}\\p{M}\\p{N}]+(?:\\s+[\\p{L}\\p{M}\\p{N}]+)?)\\s*(?::|\\||\\s[-\u2013\u2014]\\s)\\s*\\S");
  // a leading capitals-only word this long is a label (BREAKING, UPDATE), not an acronym (EU, NATO)
  private static final int SHOUTED_LABEL_LETTERS = 5;
  private static final Map<String, Set<String>> DATE_WORDS = new ConcurrentHashMap<>();

  static TitleKind of(String title, String language, Analyzer analyzer) {
    if (title == null || title.isBlank()) {
      return NONE;
    }
    List<String> words = WORD.matcher(title).results().map(m -> m.group()).toList();
    boolean shouting = !hasLower(title);
    int labelWords = labelWords(title, words, shouting);
    Set<String> dates = dateWords(language);
    Words judge = w -> {
      String lower = w.toLowerCase(Locale.ROOT);
      if (w.chars().anyMatch(Character::isDigit) || dates.contains(lower) || (!shouting && acronym(w))) {
        return Word.MARKER;
      }
      return Tokens.stems(analyzer, w).isEmpty() ? Word.STOP : Word.CONTENT;
    };
    int content = 0;
    boolean marker = labelWords > 0;
    // a list of names: every content word capitalized, no lower-case word longer than a conjunction
    boolean names = true;
    for (int i = 0; i < words.size(); i++) {
      String w = words.get(i);
      Word kind = judge.of(w);
      marker |= i >= labelWords && kind == Word.MARKER;
      if (kind == Word.CONTENT) {
        content += i >= labelWords ? 1 : 0;
        names &= Character.isUpperCase(w.codePointAt(0));
      } else if (kind == Word.STOP && i >= labelWords) {
        names &= Character.isUpperCase(w.codePointAt(0)) || w.length() <= NAME_JOINER_LETTERS;
      }
    }
    if (content < 2 || (names && marker && content <= MAX_NAMES && shortPieces(title, labelWords, judge))) {
      return BARE;
    }
    if (labelWords > 0) {
      return LABELLED;
    }
    String end = title.strip();
    return words.size() > HEADLINE_WORDS || end.endsWith("...") || end.endsWith("\u2026") ? RUN_ON : PROPER;
  }

  private enum Word { MARKER, STOP, CONTENT }

  private interface Words {
    Word of(String word);
  }

  // after the label, two pieces or more (between commas, brackets, dashes), none with more than two content words
  private static boolean shortPieces(String title, int labelWords, Words judge) {
    Matcher m = SHORT_LABEL.matcher(title);
    String rest = labelWords > 0 && m.find() ? title.substring(m.end() - 1) : title;
    int pieces = 0;
    for (String piece : PIECES.split(rest)) {
      if (WORD.matcher(piece).results().filter(w -> judge.of(w.group()) == Word.CONTENT).count() > 2) {
        return false;
      }
      pieces += piece.isBlank() ? 0 : 1;
    }
    return pieces >= 2;
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
