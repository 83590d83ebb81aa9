package dev.tributary.story;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Analyzes a candidate into its {@link ItemProfile}. Thread-safe: analyzers reuse per thread. */
final class ProfileBuilder {

  private final StoryConfig config;
  private final LanguageAnalyzers analyzers = new LanguageAnalyzers();
  private final CrossScriptKeys keys = new CrossScriptKeys();
  private final TermMap termMap = TermMap.load(analyzers);
  private final MinHash minHash = new MinHash(64, 3, 0x5eedL);

  ProfileBuilder(StoryConfig config) {
    this.config = config;
  }

  /** Analyzes an item; its strings become ids of {@code vocabulary}, which the caller owns. */
  ItemProfile build(StoryCandidate item, long time, Vocabulary vocabulary) {
    return analyse(item, time).profile(item.itemId(), item.sourceId(), item.url(), vocabulary);
  }

  /** Analyzes an item into strings and weights, of no engine's vocabulary: what a store can keep. */
  Analysis analyse(StoryCandidate item, long time) {
    String language = languageOf(item);
    var analyzer = analyzers.forLanguage(language);
    List<Tokens.Token> title = Tokens.analyze(analyzer, item.title(), config.maxTokens());
    List<Tokens.Token> body = Tokens.analyze(analyzer, item.text(), config.maxTokens());

    Map<String, Float> tf = new HashMap<>();
    Map<String, Float> kf = new HashMap<>();
    Set<String> names = new HashSet<>();
    List<String> words = new ArrayList<>(title.size() + body.size());
    count(title, config.titleWeight(), tf, kf, names, words);
    Map<String, Float> titleKeys = new HashMap<>();
    count(title, 1f, new HashMap<>(), titleKeys, new HashSet<>(), new ArrayList<>());
    count(body, 1f, tf, kf, names, words);
    return new Analysis(
        language,
        time,
        sublinear(tf),
        sublinear(kf),
        titleKeys,
        names,
        minHash.signature(words),
        Announcement.in(item.title()),
        LeadDate.ofReport(item.text(), item.dated() ? item.published() : null),
        item.dated(),
        cased(title) || cased(body));
  }

  private void count(
      List<Tokens.Token> tokens,
      float weight,
      Map<String, Float> tf,
      Map<String, Float> kf,
      Set<String> names,
      List<String> words) {
    for (Tokens.Token t : tokens) {
      String term = t.term();
      words.add(term);
      if (term.length() < 2 && !Character.isDigit(term.charAt(0))) {
        continue;
      }
      tf.merge(term, weight, Float::sum);
      String concept = termMap.concept(term);
      String key = concept != null ? concept : keys.key(term);
      if (key == null) {
        continue;
      }
      boolean name = concept == null && (t.capitalized() || key.charAt(0) == '#');
      kf.merge(key, name ? weight * config.nameWeight() : weight, Float::sum);
      if (name || (concept != null && t.capitalized())) {
        names.add(key);
      }
    }
  }

  /** Whether any word of the text is capitalized: one in a script without case never is. */
  private static boolean cased(List<Tokens.Token> tokens) {
    for (Tokens.Token t : tokens) {
      if (t.capitalized()) {
        return true;
      }
    }
    return false;
  }

  private static Map<String, Float> sublinear(Map<String, Float> counts) {
    Map<String, Float> out = new HashMap<>(counts.size() * 2);
    counts.forEach((k, v) -> out.put(k, (float) (1 + Math.log(v))));
    return out;
  }

  /** The declared language, or a guess from the text when a feed declares none. */
  static String languageOf(StoryCandidate item) {
    String declared = LanguageAnalyzers.normalize(item.language());
    return declared.isEmpty() ? LanguageGuess.of(item.title(), item.text()) : declared;
  }
}
