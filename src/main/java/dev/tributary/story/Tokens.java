package dev.tributary.story;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.analysis.tokenattributes.OffsetAttribute;

/** Runs a Lucene analyzer over a string and collects its terms. */
final class Tokens {

  /** A term and whether the word it came from was capitalized in the original text. */
  record Token(String term, boolean capitalized) {}

  private Tokens() {}

  static List<String> stems(Analyzer analyzer, String text) {
    List<String> out = new ArrayList<>();
    for (Token t : analyze(analyzer, text, Integer.MAX_VALUE)) {
      out.add(t.term());
    }
    return out;
  }

  static List<Token> analyze(Analyzer analyzer, String text, int limit) {
    List<Token> out = new ArrayList<>();
    if (text == null || text.isEmpty()) {
      return out;
    }
    try (TokenStream ts = analyzer.tokenStream("text", text)) {
      CharTermAttribute term = ts.addAttribute(CharTermAttribute.class);
      OffsetAttribute offset = ts.addAttribute(OffsetAttribute.class);
      ts.reset();
      while (out.size() < limit && ts.incrementToken()) {
        if (term.length() == 0) {
          // folding can leave nothing of a mark-only word (a lone Arabic diacritic, a combining accent)
          continue;
        }
        int start = offset.startOffset();
        boolean cap = start < text.length() && Character.isUpperCase(text.charAt(start));
        out.add(new Token(term.toString(), cap));
      }
      ts.end();
    } catch (IOException e) {
      throw new UncheckedIOException("analysis of an in-memory string", e);
    }
    return out;
  }
}
