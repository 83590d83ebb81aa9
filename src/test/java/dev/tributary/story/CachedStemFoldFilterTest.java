package dev.tributary.story;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import java.util.function.Supplier;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.LowerCaseFilter;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.Tokenizer;
import org.apache.lucene.analysis.icu.ICUFoldingFilter;
import org.apache.lucene.analysis.icu.segmentation.ICUTokenizer;
import org.apache.lucene.analysis.snowball.SnowballFilter;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.tartarus.snowball.SnowballStemmer;
import org.tartarus.snowball.ext.ArmenianStemmer;
import org.tartarus.snowball.ext.EnglishStemmer;
import org.tartarus.snowball.ext.RussianStemmer;
import org.tartarus.snowball.ext.TurkishStemmer;

/** The cached stage gives exactly what Lucene's SnowballFilter then ICUFoldingFilter give, cached or not. */
class CachedStemFoldFilterTest {

  private static final String[] TEXTS = {
    "Ministers' talks in Tbilisi resumed; the ferries' routes reopened. Running, ran, runs — naïve café résumé!",
    "Премьер-министры обсудили маршруты паромов; Алиев и Пашинян встретились в Брюсселе. Ёлки, ЁЖИК, учёные.",
    "Հայաստանի վարչապետը հանդիպեց Ադրբեջանի նախագահին Բրյուսելում։ Կառավարությունը հայտարարեց.",
    "İstanbul'da Cumhurbaşkanı Aliyev ile görüştü; IŞIK ılık Iğdır ıslak. Bakü'de toplantılar yapıldı.",
    "ალიევი და ფაშინიანი ბრიუსელში შეხვდნენ; საქართველოს მთავრობამ განაცხადა.",
  };

  @ParameterizedTest
  @ValueSource(strings = {"english", "russian", "armenian", "turkish", "none"})
  void matchesSnowballThenIcuFolding(String stemmerName) throws IOException {
    Supplier<SnowballStemmer> stemmer = switch (stemmerName) {
      case "english" -> EnglishStemmer::new;
      case "russian" -> RussianStemmer::new;
      case "armenian" -> ArmenianStemmer::new;
      case "turkish" -> TurkishStemmer::new;
      default -> null;
    };
    Map<String, String> shared = new ConcurrentHashMap<>();
    Analyzer cached = analyzer(s -> new CachedStemFoldFilter(s, stemmer == null ? null : stemmer.get(), shared));
    Analyzer lucene = analyzer(s -> new ICUFoldingFilter(stemmer == null ? s : new SnowballFilter(s, stemmer.get())));
    for (int round = 0; round < 2; round++) { // the second round is answered from memory
      for (String text : TEXTS) {
        assertThat(tokens(cached, text)).as(stemmerName + ": " + text).isEqualTo(tokens(lucene, text));
      }
    }
    assertThat(shared).isNotEmpty();
  }

  private static Analyzer analyzer(Function<TokenStream, TokenStream> tail) {
    return new Analyzer() {
      @Override
      protected TokenStreamComponents createComponents(String fieldName) {
        Tokenizer source = new ICUTokenizer();
        return new TokenStreamComponents(source, tail.apply(new LowerCaseFilter(source)));
      }
    };
  }

  private static List<String> tokens(Analyzer analyzer, String text) throws IOException {
    List<String> out = new ArrayList<>();
    try (TokenStream ts = analyzer.tokenStream("t", text)) {
      CharTermAttribute term = ts.addAttribute(CharTermAttribute.class);
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
