package dev.tributary.story;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A small hand-written bilingual map from words to concepts (terms.txt): countries, capitals,
 * institutions and the common verbs of political news, whose names differ between languages.
 * Words are run through the same analyzers as articles, so the map is keyed by stems and
 * inflected forms map without listing them all.
 */
final class TermMap {

  private final Map<String, String> conceptByStem;

  private TermMap(Map<String, String> conceptByStem) {
    this.conceptByStem = Map.copyOf(conceptByStem);
  }

  /** The concept key ("@georgia") of a stem, or null. */
  String concept(String stem) {
    return conceptByStem.get(stem);
  }

  int size() {
    return conceptByStem.size();
  }

  static TermMap load(LanguageAnalyzers analyzers) {
    Map<String, String> map = new HashMap<>();
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
            for (String stem : stems) {
              map.putIfAbsent(stem, concept);
            }
          }
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException("reading terms.txt", e);
    }
    return new TermMap(map);
  }
}
