package dev.tributary.story;

import java.io.IOException;
import java.util.Map;
import org.apache.lucene.analysis.TokenFilter;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.icu.ICUFoldingFilter;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.tartarus.snowball.SnowballStemmer;

/**
 * The Snowball stemmer (when the language has one) followed by ICU folding, as
 * {@code SnowballFilter} then {@code ICUFoldingFilter} would give, remembering each word's result.
 * News repeats its words: the two stages were two fifths of the analysis time, and most words of
 * an item were seen in the items before it.
 *
 * <p>The memory is shared by every stream of one language's analyzer (Lucene keeps a stream per
 * thread, and the poll pool has many), and bounded by emptying it when full.
 */
final class CachedStemFoldFilter extends TokenFilter {
  // per language: a word and its stem, about 150 bytes; 1% of a 256 MB heap is ~18k
  private static final int CACHE_LIMIT = HeapShare.entries(0.01, 150, 10_000, 50_000);

  private final SnowballStemmer stemmer;
  private final CharTermAttribute term = addAttribute(CharTermAttribute.class);
  private final Map<String, String> done;

  /** {@code stemmer} null: folding only; {@code done}: a thread-safe map shared per language. */
  CachedStemFoldFilter(TokenStream input, SnowballStemmer stemmer, Map<String, String> done) {
    super(input);
    this.stemmer = stemmer;
    this.done = done;
  }

  @Override
  public boolean incrementToken() throws IOException {
    if (!input.incrementToken()) {
      return false;
    }
    String word = term.toString();
    String out = done.get(word);
    if (out == null) {
      out = ICUFoldingFilter.NORMALIZER.normalize(stem(word));
      if (done.size() >= CACHE_LIMIT) {
        done.clear();
      }
      done.put(word, out);
    }
    term.setEmpty().append(out);
    return true;
  }

  private String stem(String word) {
    if (stemmer == null) {
      return word;
    }
    stemmer.setCurrent(word);
    stemmer.stem();
    return stemmer.getCurrent();
  }
}
