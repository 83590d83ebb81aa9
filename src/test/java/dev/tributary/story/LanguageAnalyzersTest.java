package dev.tributary.story;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.CharArraySet;
import org.apache.lucene.analysis.LowerCaseFilter;
import org.apache.lucene.analysis.StopFilter;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.Tokenizer;
import org.apache.lucene.analysis.en.EnglishPossessiveFilter;
import org.apache.lucene.analysis.hy.ArmenianAnalyzer;
import org.apache.lucene.analysis.icu.ICUFoldingFilter;
import org.apache.lucene.analysis.icu.segmentation.ICUTokenizer;
import org.apache.lucene.analysis.snowball.SnowballFilter;
import org.apache.lucene.analysis.tr.TurkishAnalyzer;
import org.apache.lucene.analysis.tr.TurkishLowerCaseFilter;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.tartarus.snowball.SnowballStemmer;
import org.tartarus.snowball.ext.ArmenianStemmer;
import org.tartarus.snowball.ext.EnglishStemmer;
import org.tartarus.snowball.ext.RussianStemmer;
import org.tartarus.snowball.ext.TurkishStemmer;

/** The cached stem-and-fold stage gives exactly what Lucene's SnowballFilter then ICUFoldingFilter give. */
class LanguageAnalyzersTest {

  private static final String[] TEXTS = {
    "Ministers' talks in Tbilisi resumed; the ferries' routes reopened. Running, ran, runs — naïve café résumé!",
    "Премьер-министры обсудили маршруты паромов; Алиев и Пашинян встретились в Брюсселе. Ёлки, ЁЖИК, учёные.",
    "Հայաստանի վարչապետը հանդիպեց Ադրբեջանի նախագահին Բրյուսելում։ Կառավարությունը հայտարարեց.",
    "İstanbul'da Cumhurbaşkanı Aliyev ile görüştü; IŞIK ılık Iğdır ıslak. Bakü'de toplantılar yapıldı.",
    "ალიევი და ფაშინიანი ბრიუსელში შეხვდნენ; საქართველოს მთავრობამ განაცხადა.",
  };

  @ParameterizedTest
  @CsvSource({"en", "ru", "hy", "tr", "ka"})
  void cachedStageMatchesLuceneFilters(String language) throws IOException {
    Analyzer ours = new LanguageAnalyzers().forLanguage(language);
    Analyzer reference = reference(language);
    for (int round = 0; round < 2; round++) { // the second round is served from the cache
      for (String text : TEXTS) {
        assertThat(tokens(ours, text)).as(language + ": " + text).isEqualTo(tokens(reference, text));
      }
    }
  }

  private static Analyzer reference(String language) {
    return switch (language) {
      case "en" -> chain(LanguageAnalyzers.snowballStops("english_stop.txt"), EnglishStemmer::new, false, true);
      case "ru" -> chain(LanguageAnalyzers.snowballStops("russian_stop.txt"), RussianStemmer::new, false, false);
      case "hy" -> chain(ArmenianAnalyzer.getDefaultStopSet(), ArmenianStemmer::new, false, false);
      case "tr" -> chain(TurkishAnalyzer.getDefaultStopSet(), TurkishStemmer::new, true, false);
      default -> chain(CharArraySet.EMPTY_SET, null, false, false);
    };
  }

  private static Analyzer chain(CharArraySet stops, Supplier<SnowballStemmer> stemmer, boolean turkish, boolean english) {
    return new Analyzer() {
      @Override
      protected TokenStreamComponents createComponents(String fieldName) {
        Tokenizer source = new ICUTokenizer();
        TokenStream s = english ? new EnglishPossessiveFilter(source) : source;
        s = turkish ? new TurkishLowerCaseFilter(s) : new LowerCaseFilter(s);
        s = new StopFilter(s, stops);
        if (stemmer != null) {
          s = new SnowballFilter(s, stemmer.get());
        }
        return new TokenStreamComponents(source, new ICUFoldingFilter(s));
      }
    };
  }

  private static List<String> tokens(Analyzer analyzer, String text) throws IOException {
    List<String> out = new ArrayList<>();
    try (TokenStream ts = analyzer.tokenStream("t", text)) {
      var term = ts.addAttribute(org.apache.lucene.analysis.tokenattributes.CharTermAttribute.class);
      ts.reset();
      while (ts.incrementToken()) {
        out.add(term.toString());
      }
      ts.end();
    }
    assertThat(out).isNotEmpty();
    return out;
  }
}
