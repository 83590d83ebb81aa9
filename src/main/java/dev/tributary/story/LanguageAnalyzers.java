package dev.tributary.story;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;
import java.util.function.UnaryOperator;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.CharArraySet;
import org.apache.lucene.analysis.LowerCaseFilter;
import org.apache.lucene.analysis.StopFilter;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.Tokenizer;
import org.apache.lucene.analysis.WordlistLoader;
import org.apache.lucene.analysis.ar.ArabicAnalyzer;
import org.apache.lucene.analysis.bg.BulgarianAnalyzer;
import org.apache.lucene.analysis.cz.CzechAnalyzer;
import org.apache.lucene.analysis.el.GreekAnalyzer;
import org.apache.lucene.analysis.fa.PersianAnalyzer;
import org.apache.lucene.analysis.fr.FrenchAnalyzer;
import org.apache.lucene.analysis.pl.PolishAnalyzer;
import org.apache.lucene.analysis.ro.RomanianAnalyzer;
import org.apache.lucene.analysis.en.EnglishPossessiveFilter;
import org.apache.lucene.analysis.hy.ArmenianAnalyzer;
import org.apache.lucene.analysis.icu.segmentation.ICUTokenizer;
import org.apache.lucene.analysis.snowball.SnowballFilter;
import org.apache.lucene.analysis.tr.ApostropheFilter;
import org.apache.lucene.analysis.tr.TurkishAnalyzer;
import org.apache.lucene.analysis.tr.TurkishLowerCaseFilter;
import org.apache.lucene.analysis.util.ElisionFilter;
import org.apache.lucene.util.IOUtils;
import org.tartarus.snowball.SnowballStemmer;
import org.tartarus.snowball.ext.ArabicStemmer;
import org.tartarus.snowball.ext.ArmenianStemmer;
import org.tartarus.snowball.ext.DanishStemmer;
import org.tartarus.snowball.ext.DutchStemmer;
import org.tartarus.snowball.ext.EnglishStemmer;
import org.tartarus.snowball.ext.FinnishStemmer;
import org.tartarus.snowball.ext.FrenchStemmer;
import org.tartarus.snowball.ext.German2Stemmer;
import org.tartarus.snowball.ext.GreekStemmer;
import org.tartarus.snowball.ext.HungarianStemmer;
import org.tartarus.snowball.ext.ItalianStemmer;
import org.tartarus.snowball.ext.NorwegianStemmer;
import org.tartarus.snowball.ext.PortugueseStemmer;
import org.tartarus.snowball.ext.RomanianStemmer;
import org.tartarus.snowball.ext.RussianStemmer;
import org.tartarus.snowball.ext.SpanishStemmer;
import org.tartarus.snowball.ext.SwedishStemmer;
import org.tartarus.snowball.ext.TurkishStemmer;

/**
 * One Lucene analysis chain per language: ICU word breaking, lower-casing, the language's stop
 * words and Snowball stemmer, then ICU folding so accents and letter variants never split a term
 * (the last two through {@link CachedStemFoldFilter}).
 * German compounds also give their parts at a linking s ({@link GermanCompoundParts}).
 * Polish stems through Lucene's Stempel ({@link PolishStemmer}); Azerbaijani shares Turkish's
 * chain. As Lucene's own analyzers for these languages do, Turkish and Azerbaijani drop the case
 * suffix written after an apostrophe (Denizli'de, Denizli'nin: one name), French and Italian drop
 * an elided article (l'Assemblée, dell'Unione). Languages without a stemmer here (Georgian,
 * Bulgarian, Czech, Persian, ...) still get ICU tokenization, their stop words where Lucene has them, and folding; their names and stems meet
 * other languages' through cross-script keys.
 */
final class LanguageAnalyzers {

  private final Map<String, Analyzer> byLanguage = new ConcurrentHashMap<>();

  Analyzer forLanguage(String language) {
    return byLanguage.computeIfAbsent(normalize(language), LanguageAnalyzers::create);
  }

  static String normalize(String language) {
    if (language == null || language.isBlank()) {
      return "";
    }
    String l = language.trim().toLowerCase(Locale.ROOT);
    int dash = l.indexOf('-') >= 0 ? l.indexOf('-') : l.indexOf('_');
    return dash > 0 ? l.substring(0, dash) : l;
  }

  private static Analyzer create(String language) {
    return switch (language) {
      case "en" -> chain(snowballStops("english_stop.txt"), EnglishStemmer::new, false, true);
      // Ukrainian and Belarusian share enough endings with Russian that its stemmer helps more than none.
      case "ru", "uk", "be" -> chain(snowballStops("russian_stop.txt"), RussianStemmer::new, false, false);
      case "hy" -> chain(ArmenianAnalyzer.getDefaultStopSet(), ArmenianStemmer::new, false, false);
      case "tr", "az" -> chain(TurkishAnalyzer.getDefaultStopSet(), TurkishStemmer::new, true, false, ApostropheFilter::new);
      case "de" -> chain(snowballStops("german_stop.txt"), German2Stemmer::new, false, false, UnaryOperator.identity(),
          GermanCompoundParts::new);
      case "fr" -> chain(snowballStops("french_stop.txt"), FrenchStemmer::new, false, false,
          s -> new ElisionFilter(s, FrenchAnalyzer.DEFAULT_ARTICLES));
      case "it" -> chain(snowballStops("italian_stop.txt"), ItalianStemmer::new, false, false,
          s -> new ElisionFilter(s, ITALIAN_ARTICLES));
      case "es" -> chain(snowballStops("spanish_stop.txt"), SpanishStemmer::new, false, false);
      case "pt" -> chain(snowballStops("portuguese_stop.txt"), PortugueseStemmer::new, false, false);
      case "ar" -> chain(ArabicAnalyzer.getDefaultStopSet(), ArabicStemmer::new, false, false);
      case "pl" -> chain(PolishAnalyzer.getDefaultStopSet(), PolishStemmer::new, false, false);
      case "nl" -> chain(snowballStops("dutch_stop.txt"), DutchStemmer::new, false, false);
      case "sv" -> chain(snowballStops("swedish_stop.txt"), SwedishStemmer::new, false, false);
      case "no", "nb", "nn" -> chain(snowballStops("norwegian_stop.txt"), NorwegianStemmer::new, false, false);
      case "da" -> chain(snowballStops("danish_stop.txt"), DanishStemmer::new, false, false);
      case "fi" -> chain(snowballStops("finnish_stop.txt"), FinnishStemmer::new, false, false);
      case "hu" -> chain(snowballStops("hungarian_stop.txt"), HungarianStemmer::new, false, false);
      case "ro" -> chain(RomanianAnalyzer.getDefaultStopSet(), RomanianStemmer::new, false, false);
      case "el" -> chain(GreekAnalyzer.getDefaultStopSet(), GreekStemmer::new, false, false);
      case "bg" -> chain(BulgarianAnalyzer.getDefaultStopSet(), null, false, false);
      case "cs" -> chain(CzechAnalyzer.getDefaultStopSet(), null, false, false);
      case "fa" -> chain(PersianAnalyzer.getDefaultStopSet(), null, false, false);
      // Georgian (ka) and the rest: ICU word breaking and folding; cross-script keys carry names
      default -> chain(CharArraySet.EMPTY_SET, null, false, false);
    };
  }

  // as Lucene's ItalianAnalyzer elides (its own list is not public)
  private static final CharArraySet ITALIAN_ARTICLES = new CharArraySet(List.of(
      "c", "l", "all", "dall", "dell", "nell", "sull", "coll", "pell", "gl", "agl", "dagl", "degl", "negl", "sugl",
      "un", "m", "t", "s", "v", "d"), true);

  static CharArraySet snowballStops(String file) {
    try {
      return WordlistLoader.getSnowballWordSet(IOUtils.getDecodingReader(
          IOUtils.requireResourceNonNull(SnowballFilter.class.getResourceAsStream(file), file), StandardCharsets.UTF_8));
    } catch (IOException e) {
      throw new UncheckedIOException("stop words " + file, e);
    }
  }

  /**
   * Polish stop words, read from the file {@link PolishAnalyzer#getDefaultStopSet()} reads: that
   * method's holder class loads Stempel's stemming table with them (4.9 MB of heap for as long as
   * the JVM runs), and the language guess, which every report without a declared language goes
   * through, needs only the words. A Polish report's analyzer still loads the table for its stemmer.
   */
  static CharArraySet polishStops() {
    try (InputStream in = IOUtils.requireResourceNonNull(
        PolishAnalyzer.class.getResourceAsStream(PolishAnalyzer.DEFAULT_STOPWORD_FILE), PolishAnalyzer.DEFAULT_STOPWORD_FILE)) {
      return WordlistLoader.getWordSet(in, "#");
    } catch (IOException e) {
      throw new UncheckedIOException("stop words " + PolishAnalyzer.DEFAULT_STOPWORD_FILE, e);
    }
  }

  private static Analyzer chain(
      CharArraySet stops, Supplier<SnowballStemmer> stemmer, boolean turkish, boolean english) {
    return chain(stops, stemmer, turkish, english, UnaryOperator.identity());
  }

  /** {@code words}: applied to the words as the tokenizer gives them (an apostrophe's suffix, an elided article). */
  private static Analyzer chain(
      CharArraySet stops, Supplier<SnowballStemmer> stemmer, boolean turkish, boolean english,
      UnaryOperator<TokenStream> words) {
    return chain(stops, stemmer, turkish, english, words, UnaryOperator.identity());
  }

  /** {@code lowered}: applied to the lower-cased words past the stop words, before the stemmer (a compound's parts). */
  private static Analyzer chain(
      CharArraySet stops, Supplier<SnowballStemmer> stemmer, boolean turkish, boolean english,
      UnaryOperator<TokenStream> words, UnaryOperator<TokenStream> lowered) {
    Map<String, String> stemmed = new ConcurrentHashMap<>();
    return new Analyzer() {
      @Override
      protected TokenStreamComponents createComponents(String fieldName) {
        Tokenizer source = new ICUTokenizer();
        TokenStream s = words.apply(english ? new EnglishPossessiveFilter(source) : source);
        s = turkish ? new TurkishLowerCaseFilter(s) : new LowerCaseFilter(s);
        s = lowered.apply(new StopFilter(s, stops));
        s = new CachedStemFoldFilter(s, stemmer == null ? null : stemmer.get(), stemmed);
        return new TokenStreamComponents(source, s);
      }
    };
  }
}
