package dev.tributary.story;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import org.apache.lucene.analysis.CharArraySet;
import org.apache.lucene.analysis.tr.TurkishAnalyzer;

/**
 * The language of an item whose feed declares none, from its script and, among Latin-script
 * languages, from which language's stop words it uses most. Feeds often omit the language, and
 * an Italian report stemmed as English matches nothing in its own language.
 */
final class LanguageGuess {
  private static final int SAMPLE = 800;
  // English first: it wins ties, being the most common undeclared language
  private static final Map<String, CharArraySet> LATIN_STOPS = new LinkedHashMap<>();

  static {
    LATIN_STOPS.put("en", LanguageAnalyzers.snowballStops("english_stop.txt"));
    LATIN_STOPS.put("de", LanguageAnalyzers.snowballStops("german_stop.txt"));
    LATIN_STOPS.put("fr", LanguageAnalyzers.snowballStops("french_stop.txt"));
    LATIN_STOPS.put("it", LanguageAnalyzers.snowballStops("italian_stop.txt"));
    LATIN_STOPS.put("es", LanguageAnalyzers.snowballStops("spanish_stop.txt"));
    LATIN_STOPS.put("pt", LanguageAnalyzers.snowballStops("portuguese_stop.txt"));
    LATIN_STOPS.put("tr", TurkishAnalyzer.getDefaultStopSet());
    LATIN_STOPS.put("pl", LanguageAnalyzers.polishStops());
    LATIN_STOPS.put("nl", LanguageAnalyzers.snowballStops("dutch_stop.txt"));
  }

  private static final String[] LATIN_LANGUAGES = LATIN_STOPS.keySet().toArray(String[]::new);
  // each stop word with a bit per language of LATIN_STOPS whose list holds it: a sample's words are
  // looked up once, not once per language. The words looked up are lower case already, so a
  // case-blind list holds a word exactly when its stored (lower-case) form is that word.
  private static final Map<String, Integer> STOP_LANGUAGES = new HashMap<>();

  static {
    for (int i = 0; i < LATIN_LANGUAGES.length; i++) {
      int bit = 1 << i;
      for (Object word : LATIN_STOPS.get(LATIN_LANGUAGES[i])) {
        STOP_LANGUAGES.merge(word instanceof char[] chars ? new String(chars) : word.toString(), bit, (a, b) -> a | b);
      }
    }
  }

  private static final int LONGEST_STOP = STOP_LANGUAGES.keySet().stream().mapToInt(String::length).max().orElse(0);

  private LanguageGuess() {}

  // a letter (the categories a regular expression's \p{L} matches, as Character.isLetter) or an apostrophe
  private static boolean wordChar(int cp) {
    return cp == '\'' || Character.isLetter(cp);
  }

  /** A language code, or "" when the text has no letters to go by. */
  static String of(String title, String text) {
    String sample = ((title == null ? "" : title) + " " + (text == null ? "" : text));
    sample = sample.substring(0, Math.min(sample.length(), SAMPLE));
    int cyrillic = 0, georgian = 0, armenian = 0, latin = 0, arabic = 0, hebrew = 0, greek = 0;
    int ukrainian = 0, schwa = 0;
    for (int i = 0; i < sample.length(); i++) {
      char c = sample.charAt(i);
      if (c < 0x80) { // ASCII: its letters are the Latin script's, the rest no script's
        if ((c | 0x20) >= 'a' && (c | 0x20) <= 'z') {
          latin++;
        }
        continue;
      }
      switch (Character.UnicodeScript.of(c)) {
        case CYRILLIC -> {
          cyrillic++;
          if ("іїєґІЇЄҐ".indexOf(c) >= 0) {
            ukrainian++;
          }
        }
        case GEORGIAN -> georgian++;
        case ARMENIAN -> armenian++;
        case ARABIC -> arabic++;
        case HEBREW -> hebrew++;
        case GREEK -> greek++;
        case LATIN -> {
          latin++;
          if (c == 'ə' || c == 'Ə') {
            schwa++;
          }
        }
        default -> {}
      }
    }
    int max = Math.max(Math.max(Math.max(cyrillic, georgian), Math.max(armenian, latin)), Math.max(Math.max(arabic, hebrew), greek));
    if (max == 0) {
      return "";
    }
    if (max == cyrillic) {
      // і, ї, є and ґ are not Russian letters; one could be a quoted name, a few are Ukrainian text
      return ukrainian >= 3 ? "uk" : "ru";
    }
    if (max == georgian) {
      return "ka";
    }
    if (max == armenian) {
      return "hy";
    }
    if (max == arabic) {
      return "ar";
    }
    if (max == hebrew) {
      return "he";
    }
    if (max == greek) {
      return "el";
    }
    return schwa >= 2 ? "az" : latinByStopWords(sample);
  }

  private static String latinByStopWords(String sample) {
    int[] hits = stopHits(sample);
    // a single "la" or "die" in a short headline is no evidence: another language needs two
    String best = "en";
    int bestHits = 1;
    for (int i = 0; i < hits.length; i++) {
      if (hits[i] > bestHits) {
        best = LATIN_LANGUAGES[i];
        bestHits = hits[i];
      }
    }
    return best;
  }

  /** How many of the sample's words are stop words of each of {@link #LATIN_STOPS}' languages, in its order. */
  static int[] stopHits(String sample) {
    String lower = sample.toLowerCase(Locale.ROOT);
    int[] hits = new int[LATIN_LANGUAGES.length];
    // the words are the runs of letters and apostrophes (a regular expression's split made an array
    // and a string of every word, 2 % of a first cycle's samples); only a run no longer than the
    // longest stop word is cut out and looked up
    int at = 0;
    int n = lower.length();
    while (at < n) {
      int cp = lower.codePointAt(at);
      if (!wordChar(cp)) {
        at += Character.charCount(cp);
        continue;
      }
      int start = at;
      do {
        at += Character.charCount(cp);
      } while (at < n && wordChar(cp = lower.codePointAt(at)));
      Integer languages = at - start > LONGEST_STOP ? null : STOP_LANGUAGES.get(lower.substring(start, at));
      for (int bits = languages == null ? 0 : languages; bits != 0; bits &= bits - 1) {
        hits[Integer.numberOfTrailingZeros(bits)]++;
      }
    }
    return hits;
  }
}
