package dev.tributary.story;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.icu.ICUFoldingFilter;

/** Analyzes a candidate into its {@link ItemProfile}. Thread-safe: analyzers reuse per thread. */
final class ProfileBuilder {

  private final StoryConfig config;
  private final LanguageAnalyzers analyzers = new LanguageAnalyzers();
  private final CrossScriptKeys keys = new CrossScriptKeys();
  private final TermMap termMap = TermMap.load(analyzers);
  private final PlaceKeys placeKeys = new PlaceKeys(keys, termMap);
  /** A headline naming fewer than this is no headline to judge the other report by. */
  static final int HEADLINE_NAMES = 2;

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
    // a title ingestion cut from the text is no headline: its words are the text's own, and weigh
    // as the text's; its opening stands in for it in the title's keys, as for a bare title
    boolean derived = DerivedTitle.is(item.title(), item.text());
    String titleText = derived ? "" : item.title();
    Set<String> determiners = nounsCapitalized(language) ? GERMAN_DETERMINERS : null;
    List<Tokens.Token> title = Tokens.analyze(analyzer, titleText, config.maxTokens(), true, determiners);
    List<Tokens.Token> body = Tokens.analyze(analyzer, item.text(), config.maxTokens(), true, determiners);
    Set<String> nouns = determiners == null ? Set.of() : nouns(title, body);
    title = common(title, nouns);
    body = common(body, nouns);

    Map<String, Float> tf = new HashMap<>();
    Map<String, Float> kf = new HashMap<>();
    Set<String> names = new HashSet<>();
    List<String> words = new ArrayList<>(title.size() + body.size());
    // the written keys of the report's names within a sentence: a word capitalized at a sentence's
    // or the headline's start whose written key is one of them is that name, in whatever case
    Set<String> confirmed = PlaceKeys.applies(language) ? writtenKeys(language, body) : Set.of();
    count(language, title, config.titleWeight(), tf, kf, names, words, null, confirmed);
    Map<String, Float> titleKeys = new HashMap<>();
    TitleKind kind = TitleKind.of(titleText, language, analyzer);
    boolean ledeTitle = derived || ledeStandsIn(kind);
    count(language, ledeTitle ? common(Tokens.analyze(analyzer, lede(titleText, item.text(), language, analyzer), LEDE_TOKENS, true), nouns) : title,
        1f, new HashMap<>(), titleKeys, new HashSet<>(), new ArrayList<>(), null, confirmed);
    // the keys the text capitalizes within a sentence, for the headline's actor
    Set<String> sentenceNames = PlaceKeys.applies(language) ? new HashSet<>() : null;
    count(language, body, 1f, tf, kf, names, words, sentenceNames, confirmed);
    PlaceKeys.Places places = placeKeys.of(language, analyzer, titleText, item.text());
    boolean cased = (cased(title) || cased(body)) && mainScriptCased(titleText, item.text());
    if (!cased) {
      // no capital marks a name: the names hold the figures alone, less the years any two reports of
      // a season share, and the Latin capitals a caseless text writes (a brand, a site's buttons)
      names.removeIf(n -> n.charAt(0) != '#' || YEAR.matcher(n).matches());
    }
    return new Analysis(
        language,
        time,
        sublinear(tf),
        sublinear(kf),
        titleKeys,
        names,
        headlineNames(kind, title, body),
        minHash.signature(words),
        Announcement.in(titleText),
        LeadDate.ofReport(item.text(), item.dated() ? item.published() : null),
        item.dated(),
        cased,
        ledeTitle,
        Streets.of(language, titleText, item.text()),
        places.places(),
        places.keys(),
        sentenceNames != null ? agent(language, kind, title, sentenceNames, confirmed) : Set.of());
  }

  private void count(
      String language,
      List<Tokens.Token> tokens,
      float weight,
      Map<String, Float> tf,
      Map<String, Float> kf,
      Set<String> names,
      List<String> words,
      Set<String> sentenceNames,
      Set<String> confirmed) {
    for (int i = 0; i < tokens.size(); i++) {
      Tokens.Token t = tokens.get(i);
      String term = t.term();
      TermMap.Phrase phrase = t.part() ? null : termMap.phraseAt(tokens, i);
      if (phrase != null) {
        // the phrase's words are the text's own terms, and together one key: the concept's
        for (int j = i; j <= i + phrase.rest().size(); j++) {
          words.add(tokens.get(j).term());
          tf.merge(tokens.get(j).term(), weight, Float::sum);
        }
        kf.merge(phrase.concept(), weight, Float::sum);
        if (t.capitalized()) {
          names.add(phrase.concept());
        }
        i += phrase.rest().size();
        continue;
      }
      if (!t.part()) {
        // a compound's parts are no words of the text's shingles
        words.add(term);
      }
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
      if (sentenceNames != null && t.surface() != null && key.charAt(0) != '#') {
        sentenceNames.add(key);
      }
      String written = name ? writtenKey(language, t, confirmed) : null;
      if (written != null && !written.equals(key)) {
        kf.merge(written, weight * config.nameWeight(), Float::sum);
        names.add(written);
      }
    }
  }

  /**
   * The written key of a name token: of a word capitalized within a sentence, and of one capitalized
   * at a sentence's or the headline's start when the report also capitalizes that name within a
   * sentence ({@code confirmed}, its written keys). The Russian stemmer cuts one name differently in
   * different cases (Минздрав to минздра as a gerund, Минздрава to минздрав), so a name opening a
   * headline or a sentence, keyed by its stem alone, missed its other cases; its written key, whose
   * vowel endings the skeleton drops, is one for all.
   */
  private String writtenKey(String language, Tokens.Token t, Set<String> confirmed) {
    if (t.surface() != null) {
      return writtenNameKey(language, t.surface());
    }
    if (t.opening() == null || confirmed.isEmpty()) {
      return null;
    }
    String written = writtenNameKey(language, t.opening());
    return written != null && confirmed.contains(written) ? written : null;
  }

  /** The written keys of the names the text capitalizes within a sentence, numbers aside. */
  private Set<String> writtenKeys(String language, List<Tokens.Token> body) {
    Set<String> out = new HashSet<>();
    for (Tokens.Token t : body) {
      String written = t.surface() != null && t.term().length() >= 2 ? writtenNameKey(language, t.surface()) : null;
      if (written != null && written.charAt(0) != '#') {
        out.add(written);
      }
    }
    return out;
  }

  /** Whether the language capitalizes every noun, so that a capital marks no name by itself. */
  static boolean nounsCapitalized(String language) {
    return "de".equals(language);
  }

  /** German articles, their contractions with a preposition, and the determiners a name seldom follows. */
  static final Set<String> GERMAN_DETERMINERS = Set.of(
      "der", "die", "das", "den", "dem", "des", "ein", "eine", "einen", "einem", "einer", "eines",
      "kein", "keine", "keinen", "keinem", "keiner", "keines", "im", "am", "zum", "zur", "vom", "beim", "ins", "ans",
      "dieser", "diese", "dieses", "diesen", "diesem", "jeder", "jede", "jedes", "jeden", "jedem",
      "sein", "seine", "seinen", "seinem", "seiner", "seines", "ihr", "ihre", "ihren", "ihrem", "ihrer", "ihres");

  /**
   * The terms of the capitalized words the text writes after a determiner somewhere (die Regierung,
   * der neuen Koalition): in a language that capitalizes every noun, these are its common nouns,
   * while a person's or a town's name seldom takes an article. Acronyms are no such words.
   */
  static Set<String> nouns(List<Tokens.Token> title, List<Tokens.Token> body) {
    Set<String> out = new HashSet<>();
    for (List<Tokens.Token> tokens : List.of(title, body)) {
      for (Tokens.Token t : tokens) {
        if (t.capitalized() && t.determined()) {
          out.add(t.term());
        }
      }
    }
    return out;
  }

  /** The tokens, those of {@code nouns} read as common words. */
  static List<Tokens.Token> common(List<Tokens.Token> tokens, Set<String> nouns) {
    if (nouns.isEmpty()) {
      return tokens;
    }
    List<Tokens.Token> out = new ArrayList<>(tokens.size());
    for (Tokens.Token t : tokens) {
      out.add(t.capitalized() && nouns.contains(t.term()) ? t.common() : t);
    }
    return out;
  }

  // Russian case endings with a consonant, which the skeleton would keep: the instrumental of a name
  // (Пашиняном, Алиевым); the others end in vowels, which it drops
  private static final List<String> CYRILLIC_CASE = List.of("ом", "ем", "ём", "ым");

  private static final Locale TURKIC = Locale.forLanguageTag("tr");

  /**
   * The key of a capitalized word as written, its case ending aside, when the stemmer's cut would
   * lose part of a name. Cyrillic: the Russian stemmer takes -ов, -ам or the -н of -ян off as though
   * they were endings (Байрамов, Ильхам, Мирзоян), so the stem's key misses the key the same name has
   * in Latin script (Bayramov, Ilham, Mirzoyan). Turkish and Azerbaijani in Latin script: the Turkish
   * stemmer cuts names as common words too (İlham to ilha), and knows no Azerbaijani ending with ə
   * nor a name's ending out of its vowel harmony (Əliyevlə, Trampla, Tbilisidə: keys alvl, trmpl,
   * tblsd); the word is taken before an apostrophe (Turkish writes a name's suffix after one:
   * İzmir'de) and, in Azerbaijani, which writes none, without its case ending
   * ({@link CrossScriptKeys#azerbaijaniCaseCut}). Armenian: the stemmer cuts Բաքվում (in Baku) to
   * one letter; the word is taken without its locative or ablative ending
   * ({@link CrossScriptKeys#armenianCaseCut}). Null for other scripts and languages, whose
   * stemmers leave names whole or whose names no other script writes.
   */
  String writtenNameKey(String language, String surface) {
    if (surface.isEmpty()) {
      return null;
    }
    Character.UnicodeScript script = Character.UnicodeScript.of(surface.codePointAt(0));
    if (script == Character.UnicodeScript.LATIN && ("az".equals(language) || "tr".equals(language))) {
      String word = surface.toLowerCase(TURKIC);
      int apostrophe = indexOfApostrophe(word);
      if (apostrophe > 0) {
        word = word.substring(0, apostrophe);
      } else if ("az".equals(language)) {
        word = CrossScriptKeys.azerbaijaniCaseCut(word);
      }
      // c is the sound English writes j, Azerbaijani x the one written kh (Azərbaycan, Naxçıvan:
      // Azerbaijan, Nakhchivan); then folded as the analyzer folds a stem (ş to s, ı to i)
      word = word.replace("c", "j");
      if ("az".equals(language)) {
        word = word.replace("x", "kh");
      }
      return keys.key(ICUFoldingFilter.NORMALIZER.normalize(word));
    }
    if (script == Character.UnicodeScript.ARMENIAN) {
      return keys.key(CrossScriptKeys.armenianCaseCut(surface.toLowerCase(Locale.ROOT)));
    }
    if (script != Character.UnicodeScript.CYRILLIC) {
      return null;
    }
    String word = surface.toLowerCase(Locale.ROOT);
    if (word.length() > 4) {
      for (String ending : CYRILLIC_CASE) {
        if (word.endsWith(ending)) {
          word = word.substring(0, word.length() - ending.length());
          break;
        }
      }
    }
    return keys.key(word);
  }

  private static int indexOfApostrophe(String word) {
    for (int i = 0; i < word.length(); i++) {
      char c = word.charAt(i);
      if (c == '\'' || c == '\u2019') {
        return i;
      }
    }
    return -1;
  }

  /**
   * Whether the text's opening stands in for the title in the title's own keys: the title's, unless {@link TitleKind} reads it as a
   * bare dateline or byline; then the opening of the text does (its
   * first {@link #LEDE_TOKENS} tokens once the title's copy and any bare dateline or byline piece it
   * opens with are passed over), as a reader takes the lede for the headline. A byline or a date
   * compared as a headline says nothing of the story, and a pair of reports whose titles say
   * nothing would otherwise look as unlike as two about different events. The opening also stands
   * in for a title ingestion cut from an untitled entry's text ({@link DerivedTitle}), which is
   * the opening already, and is compared as one: the first words of a text repeat more of the
   * story's words, and of an outlet's boilerplate, than a headline does.
   */
  static boolean ledeStandsIn(TitleKind kind) {
    return kind == TitleKind.BARE;
  }

  /** Tokens of the text's opening that stand in for a bare title. */
  static final int LEDE_TOKENS = 12;
  // where a dateline or byline piece ends: a dash, a slash, a colon, a full stop or a line break
  private static final Pattern PIECE_END =
      Pattern.compile("\\s[-\u2013\u2014]+\\s|[\u2013\u2014]|/\\.?\\s|:\\s|\\.\\s|\\n|\\s{2,}");
  // a dateline or byline piece is short
  private static final int PIECE_CHARS = 80;

  /**
   * The text from its first words that are no copy of the (bare) title and no dateline or byline
   * piece of their own ("TBILISI, October 4. /TASS/.", "By A. Writer, Staff Writer"), each piece
   * judged as a title would be.
   */
  static String lede(String titleText, String text, String language, Analyzer analyzer) {
    String rest = text == null ? "" : text.strip();
    String t = titleText == null ? "" : titleText.strip();
    if (!t.isEmpty() && rest.startsWith(t)) {
      rest = rest.substring(t.length()).strip();
    }
    for (int i = 0; i < 4; i++) {
      Matcher m = PIECE_END.matcher(rest);
      if (!m.find() || m.start() > PIECE_CHARS) {
        break;
      }
      String piece = rest.substring(0, m.end()).strip();
      if (!piece.isEmpty() && TitleKind.of(piece, language, analyzer) != TitleKind.BARE) {
        break;
      }
      rest = rest.substring(m.end()).strip();
    }
    return rest;
  }

  /**
   * The title's names that the report's own text also capitalizes: a capital in a headline marks a
   * name only sometimes (the first word, Title Case, a byline), one the text repeats is whom the
   * report is about. None for a title {@link TitleKind} reads as a bare dateline or byline, which
   * names the outlet's writer or desk rather than the story, or as a run-on opening sentence,
   * which names the lead's lesser actors and places beside the story's, nor for one naming fewer than
   * {@link #HEADLINE_NAMES}: the share of one name the other report lacks is all or nothing, a
   * single stray capital deciding it.
   */
  Set<String> headlineNames(TitleKind kind, List<Tokens.Token> title, List<Tokens.Token> body) {
    Set<String> inBody = new HashSet<>();
    for (Tokens.Token t : body) {
      String key = t.capitalized() ? nameKey(t.term()) : null;
      if (key != null) {
        inBody.add(key);
      }
    }
    Set<String> out = new LinkedHashSet<>();
    for (Tokens.Token t : title) {
      String key = t.capitalized() ? nameKey(t.term()) : null;
      if (key != null && inBody.contains(key)) {
        out.add(key);
      }
    }
    if (out.size() < HEADLINE_NAMES) {
      return Set.of();
    }
    return kind.headsTheStory() ? out : Set.of();
  }

  /**
   * The headline's actor: the key of its first name that the report's own text also capitalizes
   * within a sentence (Роспотребнадзор объяснил ..., ВОЗ: ...), none for a title {@link TitleKind} reads as no headline
   * of the story (a dateline, a byline, an opening sentence). Taken for Russian, Ukrainian and
   * Belarusian alone, whose headlines are written in sentence case, so that a capital in them marks a
   * name; English headlines capitalize every word and German ones every noun.
   */
  Set<String> agent(String language, TitleKind kind, List<Tokens.Token> title, Set<String> sentenceNames, Set<String> confirmed) {
    if (!kind.headsTheStory()) {
      return Set.of();
    }
    for (Tokens.Token t : title) {
      String key = t.capitalized() ? nameKey(t.term()) : null;
      if (key == null) {
        continue;
      }
      // the name in another case than the text's (Минздрав opening the headline, Минздрава within a
      // sentence) is the name the text capitalizes: its written key, which the other report's keys
      // hold for any of its cases, is the actor's too
      String written = termMap.concept(t.term()) == null && t.word() != null ? writtenNameKey(language, t.word()) : null;
      written = written != null && confirmed.contains(written) ? written : null;
      if (sentenceNames.contains(key) || written != null) {
        return written == null || written.equals(key) ? Set.of(key) : Set.of(key, written);
      }
    }
    return Set.of();
  }

  // the key a capitalized word adds to the names, numbers aside
  private String nameKey(String term) {
    if (term.length() < 2) {
      return null;
    }
    String concept = termMap.concept(term);
    String key = concept != null ? concept : keys.key(term);
    return key == null || key.charAt(0) == '#' ? null : key;
  }

  // a year's key: #1900 to #2099
  private static final Pattern YEAR = Pattern.compile("#(19|20)\\d\\d");
  // the scripts whose writers capitalize a name; Georgian has capitals since Unicode 11 (Mtavruli)
  // but writes no name with them
  private static final Set<Character.UnicodeScript> CASED_SCRIPTS = Set.of(Character.UnicodeScript.LATIN,
      Character.UnicodeScript.CYRILLIC, Character.UnicodeScript.GREEK, Character.UnicodeScript.ARMENIAN);
  /** Letters read to tell a text's main script. */
  static final int SCRIPT_LETTERS = 400;

  /**
   * Whether most of the text's first {@link #SCRIPT_LETTERS} letters are of a script with case
   * (Latin, Cyrillic, Greek, Armenian), title first. An Arabic or Georgian report capitalizes no
   * name, yet one brand or site button written in Latin letters (Facebook, JANNA) made it read as
   * cased, so that its names were that word and its figures, judged as though they were all it
   * names; whether a text is cased is a matter of its main script, not of a stray word.
   */
  static boolean mainScriptCased(String title, String text) {
    int cased = 0, caseless = 0;
    for (String s : new String[] {title, text}) {
      if (s == null) {
        continue;
      }
      for (int i = 0; i < s.length() && cased + caseless < SCRIPT_LETTERS; i++) {
        char c = s.charAt(i);
        if (!Character.isLetter(c)) {
          continue;
        }
        // below U+0250 every letter is Latin: the script's lookup only for the others
        if (c < 0x250 || CASED_SCRIPTS.contains(Character.UnicodeScript.of(c))) {
          cased++;
        } else {
          caseless++;
        }
      }
    }
    return cased >= caseless;
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
