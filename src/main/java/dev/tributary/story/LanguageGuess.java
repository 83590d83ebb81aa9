package dev.tributary.story;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import org.apache.lucene.analysis.CharArraySet;
import org.apache.lucene.analysis.pl.PolishAnalyzer;
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
    LATIN_STOPS.put("pl", PolishAnalyzer.getDefaultStopSet());
    LATIN_STOPS.put("nl", LanguageAnalyzers.snowballStops("dutch_stop.txt"));
  }

  private LanguageGuess() {}

  /** A language code, or "" when the text has no letters to go by. */
  static String of(String title, String text) {
    String sample = ((title == null ? "" : title) + " " + (text == null ? "" : text));
    sample = sample.substring(0, Math.min(sample.length(), SAMPLE));
    int cyrillic = 0, georgian = 0, armenian = 0, latin = 0, arabic = 0, hebrew = 0, greek = 0;
    int ukrainian = 0, schwa = 0;
    for (int i = 0; i < sample.length(); i++) {
      char c = sample.charAt(i);
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
    String[] words = sample.toLowerCase(Locale.ROOT).split("[^\\p{L}']+");
    // a single "la" or "die" in a short headline is no evidence: another language needs two
    String best = "en";
    int bestHits = 1;
    for (var e : LATIN_STOPS.entrySet()) {
      int hits = 0;
      for (String w : words) {
        if (!w.isEmpty() && e.getValue().contains(w)) {
          hits++;
        }
      }
      if (hits > bestHits) {
        best = e.getKey();
        bestHits = hits;
      }
    }
    return best;
  }
}
