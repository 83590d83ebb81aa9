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

  /**
   * A token's analysed term, whether the text capitalizes it, the word as written when it does (null
   * otherwise), and whether it is capitalized within a sentence (a name rather than a sentence's
   * first word): a stemmer meant for common words cuts names short, and the written form lets a
   * name's key be taken before that cut ({@link ProfileBuilder}).
   */
  record Token(String term, boolean capitalized, String word, boolean inSentence) {
    Token(String term, boolean capitalized) {
      this(term, capitalized, null, false);
    }

    Token(String term, boolean capitalized, String surface) {
      this(term, capitalized, surface, surface != null);
    }

    /** The word as written when it is capitalized within a sentence (a name), null otherwise. */
    String surface() {
      return inSentence ? word : null;
    }

    /**
     * The word as written when it is capitalized at a sentence's or the text's start, where a name
     * and any other word are capitalized alike; null otherwise.
     */
    String opening() {
      return inSentence ? null : word;
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
        String word = cap && end > start ? text.substring(start, end) : null;
        out.add(new Token(term.toString(), cap, word, word != null && !sentenceStart(text, start)));
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
