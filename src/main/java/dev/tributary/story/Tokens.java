package dev.tributary.story;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.analysis.tokenattributes.OffsetAttribute;
import org.apache.lucene.analysis.tokenattributes.TypeAttribute;

/** Runs a Lucene analyzer over a string and collects its terms. */
final class Tokens {

  /**
   * A token's analysed term, whether the text capitalizes it, the word as written when it does (null
   * otherwise), and whether it is capitalized within a sentence (a name rather than a sentence's
   * first word): a stemmer meant for common words cuts names short, and the written form lets a
   * name's key be taken before that cut ({@link ProfileBuilder}); {@code part}: a compound's part
   * ({@link GermanCompoundParts}), never capitalized, which weighs as a term and key of its own but is
   * no word of the shingles; {@code determined}: the text writes a determiner right before the word.
   */
  record Token(String term, boolean capitalized, String word, boolean inSentence, boolean part, boolean determined) {
    Token(String term, boolean capitalized) {
      this(term, capitalized, null, false, false, false);
    }

    Token(String term, boolean capitalized, String surface) {
      this(term, capitalized, surface, surface != null, false, false);
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

    /** This token read as a common word: no capital, no written form. */
    Token common() {
      return new Token(term, false, null, false, part, determined);
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

  /** The first {@code limit} words' tokens, a compound's parts left out. */
  static List<Token> analyze(Analyzer analyzer, String text, int limit) {
    return analyze(analyzer, text, limit, false);
  }

  /**
   * The first {@code limit} words' tokens; {@code parts}: with a compound's parts after it
   * ({@link GermanCompoundParts}), which do not count towards the limit.
   */
  static List<Token> analyze(Analyzer analyzer, String text, int limit, boolean parts) {
    return analyze(analyzer, text, limit, parts, null);
  }

  /**
   * As {@link #analyze(Analyzer, String, int, boolean)}, each token also telling whether the text
   * writes one of {@code determiners} (lower-cased) right before its word, or before a lower-case
   * word ending as an inflected adjective does (der neuen Regierung); none with null.
   */
  static List<Token> analyze(Analyzer analyzer, String text, int limit, boolean parts, Set<String> determiners) {
    List<Token> out = new ArrayList<>();
    int words = 0;
    if (text == null || text.isEmpty()) {
      return out;
    }
    try (TokenStream ts = analyzer.tokenStream("text", text)) {
      CharTermAttribute term = ts.addAttribute(CharTermAttribute.class);
      OffsetAttribute offset = ts.addAttribute(OffsetAttribute.class);
      TypeAttribute type = ts.addAttribute(TypeAttribute.class);
      ts.reset();
      while (ts.incrementToken()) {
        // a compound's part is a common word: the capital is the compound's
        boolean part = GermanCompoundParts.PART.equals(type.type());
        if (part && !parts) {
          continue;
        }
        if (!part && words == limit) {
          break;
        }
        if (term.length() == 0) {
          // folding can leave nothing of a mark-only word (a lone Arabic diacritic, a combining accent)
          continue;
        }
        int start = offset.startOffset();
        boolean cap = !part && start < text.length() && Character.isUpperCase(text.charAt(start));
        int end = Math.min(offset.endOffset(), text.length());
        String word = cap && end > start ? text.substring(start, end) : null;
        // an acronym (die CDU, der ÖVP) stays a name whatever comes before it
        boolean determined = determiners != null && !part && !(end - start >= 2 && Character.isUpperCase(text.charAt(start + 1)))
            && afterDeterminer(text, start, determiners);
        out.add(new Token(term.toString(), cap, word, word != null && !sentenceStart(text, start), part, determined));
        words += part ? 0 : 1;
      }
      ts.end();
    } catch (IOException e) {
      throw new UncheckedIOException("analysis of an in-memory string", e);
    }
    return out;
  }

  /** Whether a determiner, or one and an inflected adjective, comes right before the word at {@code start}. */
  static boolean afterDeterminer(String text, int start, Set<String> determiners) {
    int end = start;
    for (int words = 0; words < 2; words++) {
      while (end > 0 && (text.charAt(end - 1) == ' ' || text.charAt(end - 1) == '\u00a0')) {
        end--;
      }
      int from = end;
      while (from > 0 && Character.isLetter(text.charAt(from - 1))) {
        from--;
      }
      if (from == end || (from > 0 && !Character.isWhitespace(text.charAt(from - 1)) && text.charAt(from - 1) != '(')) {
        return false;
      }
      String word = text.substring(from, end);
      if (determiners.contains(word.toLowerCase(java.util.Locale.ROOT))) {
        return true;
      }
      if (!Character.isLowerCase(word.charAt(0)) || !ADJECTIVE.matcher(word).matches()) {
        return false;
      }
      end = from;
    }
    return false;
  }

  // a lower-case word ending as an inflected adjective does (neuen, erste, großer, deutsches, letztem)
  private static final java.util.regex.Pattern ADJECTIVE = java.util.regex.Pattern.compile("\\p{Ll}{2,}(e|en|er|es|em)");

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
