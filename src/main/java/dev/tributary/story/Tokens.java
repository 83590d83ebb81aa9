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
  /**
   * A token's analysed term, whether the text capitalizes it, and for one capitalized within a
   * sentence (a name rather than a sentence's first word) the word as written, null otherwise: a
   * stemmer meant for common words cuts names short, and the written form lets a name's key be taken
   * before that cut ({@link ProfileBuilder}).
   */
  record Token(String term, boolean capitalized, String surface) {
    Token(String term, boolean capitalized) {
      this(term, capitalized, null);
    }
  }

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
        int end = Math.min(offset.endOffset(), text.length());
        boolean name = cap && end > start && !sentenceStart(text, start);
        out.add(new Token(term.toString(), cap, name ? text.substring(start, end) : null));
      }
      ts.end();
    } catch (IOException e) {
      throw new UncheckedIOException("analysis of an in-memory string", e);
    }
    return out;
  }

  // whether the word at {@code start} opens the text, a sentence or a line (quotes and brackets aside)
  static boolean sentenceStart(String text, int start) {
    for (int i = start - 1; i >= 0; i--) {
      char c = text.charAt(i);
      // U+0589 is the Armenian full stop
      if (c == '\n' || c == '.' || c == '!' || c == '?' || c == '\u2026' || c == ':' || c == '\u0589') {
        return true;
      }
      if (!Character.isWhitespace(c) && "\"'«»\u201c\u201d\u201e\u2018\u2019([-\u2013\u2014".indexOf(c) < 0) {
        return false;
      }
    }
    return true;
  }
}
