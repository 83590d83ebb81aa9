package dev.tributary.story;

import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.lucene.analysis.Analyzer;

/**
 * The places a Russian, Ukrainian or Belarusian report names where names are no help: these
 * languages name a region by a lower-case adjective (тюменские власти, в свердловской области,
 * кубанский, київський), which no capital marks. A place adjective's stem less its -ск-/-цк-
 * suffix is the stem of the place it derives from (тюменск- to тюмен-, the stem of Тюмень), so it
 * gets that stem's cross-script key; a stem in -ск/-цк of any word gets the same cut (Свердловск,
 * Курск, Донецк), so that the town and its adjective meet. The report's places are the place
 * adjectives and the names after a locative preposition (в Тюмени, на Кубани) of its title and
 * first {@link #OPENING_WORDS} words; its place keys are every such cut of the whole text, for the
 * other report to be matched against. A word of the -ческ- kind (политический) is no place; a
 * lower-case adjective needs a stem of four letters or more before the suffix (детский, морской
 * derive from common nouns), a mid-sentence capitalized one does not (Курской). Words a
 * {@link TermMap} concept holds (российский, европейский) or opens a phrase of (в Белом доме) are
 * that concept's already.
 */
final class PlaceKeys {

  /** Words of the text's opening, after the title, whose places count as the report's. */
  static final int OPENING_WORDS = 40;

  /** A report's places (opening) and place keys (whole text), keys of {@link CrossScriptKeys}. */
  record Places(Set<String> places, Set<String> keys) {
    static final Places NONE = new Places(Set.of(), Set.of());
  }

  static final Pattern WORD = Pattern.compile("[\\p{L}\\p{N}][\\p{L}\\p{N}'\u2019-]*");
  static final Pattern RUSSIAN = Pattern.compile(
      "(.+?)(ск|цк)(ий|ый|ой|ая|яя|ое|ее|ые|ие|ого|его|ому|ему|ую|юю|им|ым|ом|ем|их|ых|ими|ыми|ей)");
  static final Pattern UKRAINIAN = Pattern.compile("(.+?)(ськ|цьк|зьк)(ий|а|е|і|ого|ому|ої|ій|у|им|их|ими|ім)");
  static final Pattern BELARUSIAN = Pattern.compile("(.+?)(ск|цк|зк)(і|ая|ае|ія|ага|аму|ую|ім|ых|ымі|ай|ой)");
  static final Set<String> LOCATIVE = Set.of("в", "во", "на", "из", "у", "под", "ў", "з", "із");
  private static final List<String> SUFFIXES = List.of("ськ", "цьк", "зьк", "ск", "цк", "зк");
  // a lower-case adjective's stem before the suffix: shorter ones derive from common nouns
  private static final int COMMON_STEM = 4;

  private final CrossScriptKeys crossKeys;
  private final TermMap termMap;

  PlaceKeys(CrossScriptKeys crossKeys, TermMap termMap) {
    this.crossKeys = crossKeys;
    this.termMap = termMap;
  }

  /** Whether the language names places by adjectives this reads. */
  static boolean applies(String language) {
    return language.equals("ru") || language.equals("uk") || language.equals("be");
  }

  /** The places of a report of {@code language}, none for another language. */
  Places of(String language, Analyzer analyzer, String title, String text) {
    if (!applies(language)) {
      return Places.NONE;
    }
    Pattern adjectiveForm = language.equals("uk") ? UKRAINIAN : language.equals("be") ? BELARUSIAN : RUSSIAN;
    Set<String> places = new LinkedHashSet<>(), keys = new LinkedHashSet<>();
    String t = title == null ? "" : title;
    String all = t.isEmpty() ? (text == null ? "" : text) : t + "\n" + (text == null ? "" : text);
    int titleEnd = t.length();
    int words = 0;
    String previous = "";
    Matcher m = WORD.matcher(all);
    while (m.find()) {
      String word = m.group();
      boolean opening = m.start() < titleEnd || words < OPENING_WORDS;
      if (m.start() >= titleEnd) {
        words++;
      }
      String lower = word.toLowerCase(Locale.ROOT);
      String before = previous;
      previous = lower;
      if (Character.UnicodeScript.of(word.codePointAt(0)) != Character.UnicodeScript.CYRILLIC) {
        continue; // a Latin name or a figure between: no locative of the next word
      }
      boolean name = Character.isUpperCase(word.charAt(0)) && !Tokens.sentenceStart(all, m.start());
      boolean locative = name && opening && LOCATIVE.contains(before);
      boolean suffixed = hasSuffix(lower);
      if (!locative && !suffixed) {
        continue; // most words: no stemming needed
      }
      List<String> stems = Tokens.stems(analyzer, lower);
      String stem = stems.isEmpty() ? null : stems.get(0);
      if (stem == null || stem.length() < 2 || termMap.concept(stem) != null || termMap.opensPhrase(stem)) {
        continue; // a concept's word, or the first of a phrase (в Белом доме), is that concept's
      }
      String cut = cut(stem);
      if (cut != null) {
        keys.add(cut);
        Matcher a = adjectiveForm.matcher(lower);
        if (opening && a.matches() && !lower.contains("ческ") && !lower.contains("чеськ")
            && (name || a.group(1).length() >= COMMON_STEM)) {
          places.add(cut);
        }
      }
      if (locative) {
        String key = cut != null ? cut : crossKeys.key(stem);
        if (key != null) {
          places.add(key);
        }
      }
    }
    return places.isEmpty() && keys.isEmpty() ? Places.NONE : new Places(places, keys);
  }

  private static boolean hasSuffix(String word) {
    for (String s : SUFFIXES) {
      if (word.contains(s)) {
        return true;
      }
    }
    return false;
  }

  // the key of a stem in -ск/-цк with the suffix cut (three letters or more left), null for any other stem
  String cut(String stem) {
    if (stem.endsWith("ческ") || stem.endsWith("чеськ")) {
      return null;
    }
    for (String s : SUFFIXES) {
      if (stem.endsWith(s) && stem.length() - s.length() >= 3) {
        return crossKeys.key(stem.substring(0, stem.length() - s.length()));
      }
    }
    return null;
  }

  /**
   * Whether two reports name places and none of either's is anywhere in the other (its keys or
   * place keys, sorted ids): one kind of event told of two regions.
   */
  static boolean clash(int[] placesA, int[] keysA, int[] placeKeysA, int[] placesB, int[] keysB, int[] placeKeysB) {
    return placesA.length > 0 && placesB.length > 0
        && !meets(placesA, keysB, placeKeysB) && !meets(placesB, keysA, placeKeysA);
  }

  private static boolean meets(int[] places, int[] keys, int[] placeKeys) {
    for (int p : places) {
      if (Arrays.binarySearch(keys, p) >= 0 || Arrays.binarySearch(placeKeys, p) >= 0) {
        return true;
      }
    }
    return false;
  }
}
