package dev.tributary.story;

import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.lucene.analysis.Analyzer;

/**
 * Places a Russian, Ukrainian or Belarusian report names, read for screening: a place adjective
 * (тюменские, свердловской, кубанский, київський) gets the key of the place it derives from, its
 * stem with the -ск-/-цк- suffix taken off (тюменск -> тюмен, the key of Тюмень's stem); a noun in
 * -ск/-цк (Свердловск, Курск, Донецк) gets the same cut, so that the adjective and its town meet.
 */
final class PlaceProbe {

  // the engine's own word and adjective forms (PlaceKeys), so the screen reads what the engine reads
  private static final Pattern WORD = PlaceKeys.WORD;
  private static final Pattern RUSSIAN = PlaceKeys.RUSSIAN;
  private static final Pattern UKRAINIAN = PlaceKeys.UKRAINIAN;
  private static final Pattern BELARUSIAN = PlaceKeys.BELARUSIAN;
  private static final Set<String> LOCATIVE = PlaceKeys.LOCATIVE;
  private static final Set<String> SUFFIXES = Set.of("ск", "цк", "ськ", "цьк", "зьк", "зк");

  /** One side: the keys of its place adjectives, of its locative names, and all its keys (with the cuts). */
  record Places(Set<String> adjectives, Set<String> locatives, Set<String> keys) {}

  private final Analyzer analyzer;
  private final CrossScriptKeys crossKeys;
  private final TermMap termMap;

  private final Pattern adjectiveForm;

  PlaceProbe(String language, Analyzer analyzer, CrossScriptKeys crossKeys, TermMap termMap) {
    this.adjectiveForm = language.equals("uk") ? UKRAINIAN : language.equals("be") ? BELARUSIAN : RUSSIAN;
    this.analyzer = analyzer;
    this.crossKeys = crossKeys;
    this.termMap = termMap;
  }

  static boolean applies(String language) {
    return language.equals("ru") || language.equals("uk") || language.equals("be");
  }

  /** Places of the title and the text's first {@code words} words (all when 0); keys of the whole. */
  Places of(String title, String text, int words) {
    Set<String> adjectives = new HashSet<>(), locatives = new HashSet<>(), keys = new HashSet<>();
    String all = (title == null ? "" : title + "\n") + (text == null ? "" : text);
    Matcher m = WORD.matcher(all);
    int titleEnd = title == null ? 0 : title.length();
    int n = 0;
    String previous = "";
    while (m.find()) {
      String word = m.group();
      boolean opening = words == 0 || m.start() < titleEnd || n < words;
      if (m.start() >= titleEnd) n++;
      String lower = word.toLowerCase(Locale.ROOT);
      if (Character.UnicodeScript.of(word.codePointAt(0)) != Character.UnicodeScript.CYRILLIC) {
        previous = lower; // a Latin name or a figure between: no locative of the next word
        continue;
      }
      List<String> stems = Tokens.stems(analyzer, lower);
      String stem = stems.isEmpty() ? null : stems.get(0);
      boolean capitalized = Character.isUpperCase(word.charAt(0));
      boolean name = capitalized && !Tokens.sentenceStart(all, m.start());
      if (stem != null && stem.length() >= 2) {
        String concept = termMap.concept(stem);
        String key = concept != null ? concept : crossKeys.key(stem);
        if (key != null) keys.add(key);
        String cut = concept == null ? placeKey(stem) : null;
        if (cut != null) {
          keys.add(cut);
          Matcher a = adjectiveForm.matcher(lower);
          boolean adjective = a.matches() && !lower.contains("ческ") && !lower.contains("чеськ")
              && (name || a.group(1).length() >= 4);
          if (adjective && opening) adjectives.add(cut);
        }
        if (name && concept == null && LOCATIVE.contains(previous) && opening && key != null) {
          locatives.add(cut != null ? cut : key);
        }
      }
      previous = lower;
    }
    return new Places(adjectives, locatives, keys);
  }

  // the key of a stem in -ск/-цк with the suffix cut, null for any other stem
  String placeKey(String stem) {
    for (String s : SUFFIXES) {
      if (stem.endsWith(s) && stem.length() - s.length() >= 3 && !stem.endsWith("ческ")) {
        return crossKeys.key(stem.substring(0, stem.length() - s.length()));
      }
    }
    return null;
  }

  /** Whether any of the places is among the other side's keys. */
  static boolean met(Set<String> places, Set<String> otherKeys) {
    for (String p : places) if (otherKeys.contains(p)) return true;
    return false;
  }
}
