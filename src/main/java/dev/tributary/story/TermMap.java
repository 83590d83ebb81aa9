package dev.tributary.story;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A small hand-written multilingual map from words to concepts (terms.txt): countries, capitals,
 * institutions, and the common words of news that say what happened (an earthquake, talks, an
 * arrest, a summit), whose words differ between languages where names merely transliterate.
 * Words are run through the same analyzers as articles, so the map is keyed by stems and
 * inflected forms map without listing them all. An entry of several words (White House, Белый
 * дом, Casa Bianca) is a phrase: its words map to the concept only together, in a row, never
 * one by one (alone, "white" or "дом" say nothing of the White House).
 */
final class TermMap {

  /** A phrase's stems after its first, and its concept. */
  record Phrase(List<String> rest, String concept) {}

  private final Map<String, String> conceptByStem;
  private final Map<String, List<Phrase>> phrasesByFirst;

  private TermMap(Map<String, String> conceptByStem, Map<String, List<Phrase>> phrasesByFirst) {
    this.conceptByStem = Map.copyOf(conceptByStem);
    this.phrasesByFirst = Map.copyOf(phrasesByFirst);
  }

  /** The concept key ("@georgia") of a stem, or null. */
  String concept(String stem) {
    return conceptByStem.get(stem);
  }

  /**
   * The longest phrase whose stems are those of {@code tokens} from {@code at} on, or null.
   */
  Phrase phraseAt(List<Tokens.Token> tokens, int at) {
    List<Phrase> candidates = phrasesByFirst.get(tokens.get(at).term());
    if (candidates == null) {
      return null;
    }
    Phrase best = null;
    for (Phrase p : candidates) {
      int n = p.rest().size();
      if (at + n >= tokens.size() || (best != null && best.rest().size() >= n)) {
        continue;
      }
      boolean all = true;
      for (int i = 0; i < n && all; i++) {
        all = tokens.get(at + 1 + i).term().equals(p.rest().get(i));
      }
      if (all) {
        best = p;
      }
    }
    return best;
  }

  /** Whether some phrase of the table opens with this stem (Белый of Белый дом). */
  boolean opensPhrase(String stem) {
    return phrasesByFirst.containsKey(stem);
  }

  int size() {
    return conceptByStem.size();
  }

  static TermMap load(LanguageAnalyzers analyzers) {
    Map<String, String> map = new HashMap<>();
    Map<String, List<Phrase>> phrases = new HashMap<>();
    List<String> problems = new ArrayList<>();
    try (InputStream in = TermMap.class.getResourceAsStream("terms.txt")) {
      if (in == null) {
        throw new IllegalStateException("terms.txt missing from the classpath");
      }
      BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
      String line;
      while ((line = reader.readLine()) != null) {
        line = line.strip();
        if (line.isEmpty() || line.startsWith("#")) {
          continue;
        }
        String[] parts = line.split("\\|");
        String concept = "@" + parts[0].strip();
        for (int i = 1; i < parts.length; i++) {
          int colon = parts[i].indexOf(':');
          String language = parts[i].substring(0, colon).strip();
          for (String word : parts[i].substring(colon + 1).split(",")) {
            List<String> stems = Tokens.stems(analyzers.forLanguage(language), word.strip());
            if (stems.size() > 1) {
              phrases.computeIfAbsent(stems.get(0), k -> new ArrayList<>())
                  .add(new Phrase(List.copyOf(stems.subList(1, stems.size())), concept));
              continue;
            }
            for (String stem : stems) {
              // a stem two concepts claim would go to whichever came first: the table must not have one
              String before = map.putIfAbsent(stem, concept);
              if (before != null && !before.equals(concept)) {
                problems.add(word.strip() + " (" + language + ") stems to " + stem + ", already " + before);
              }
            }
          }
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException("reading terms.txt", e);
    }
    if (!problems.isEmpty()) {
      throw new IllegalStateException("terms.txt: " + String.join("; ", problems));
    }
    return new TermMap(map, phrases);
  }
}
