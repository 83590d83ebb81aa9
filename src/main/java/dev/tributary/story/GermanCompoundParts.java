package dev.tributary.story;

import java.io.IOException;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import org.apache.lucene.analysis.TokenFilter;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.analysis.tokenattributes.PositionIncrementAttribute;
import org.apache.lucene.analysis.tokenattributes.TypeAttribute;
import org.apache.lucene.util.AttributeSource;

/**
 * German writes a compound as one word (Koalitionsverhandlungen, Regierungsprogramm), so one report's
 * compound and another's plain word (Verhandlungen, Regierung) share no term. Lucene's compound
 * filters need a word list or a hyphenation grammar, neither of which ships with it; this one needs
 * neither: a noun made with a derivational suffix (-ung, -heit, -keit, -schaft, -ion, -tät, -ling,
 * -tum) always takes the linking s when it opens a compound, so such a suffix followed by an s and a
 * word of four letters or more marks a boundary (Regierung|s|programm, Sicherheit|s|lage,
 * Koalition|s|verhandlungen). The word stays as it is; its parts follow it as tokens of their own, of
 * type {@link #PART} and at the same position, to be stemmed as words are. A part is a common word,
 * never a name ({@link Tokens} does not read it as capitalized). Lower-cased words in, before the
 * stemmer.
 */
final class GermanCompoundParts extends TokenFilter {

  /** The type of a compound's part. */
  static final String PART = "compound-part";

  private static final List<String> SUFFIXES = List.of("ung", "heit", "keit", "schaft", "ion", "tät", "ling", "tum");
  /** Letters of the first part, its suffix included: Zeitung, not Jung. */
  private static final int MIN_FIRST = 5;
  /** Letters of the rest after the linking s: not a genitive's s at the word's end. */
  private static final int MIN_REST = 4;

  private final CharTermAttribute term = addAttribute(CharTermAttribute.class);
  private final TypeAttribute type = addAttribute(TypeAttribute.class);
  private final PositionIncrementAttribute position = addAttribute(PositionIncrementAttribute.class);
  private final Deque<String> parts = new ArrayDeque<>();
  private AttributeSource.State word;

  GermanCompoundParts(TokenStream input) {
    super(input);
  }

  @Override
  public boolean incrementToken() throws IOException {
    if (!parts.isEmpty()) {
      restoreState(word);
      term.setEmpty().append(parts.removeFirst());
      type.setType(PART);
      position.setPositionIncrement(0);
      return true;
    }
    if (!input.incrementToken()) {
      return false;
    }
    split(term.toString(), parts);
    if (!parts.isEmpty()) {
      word = captureState();
    }
    return true;
  }

  /**
   * Appends the parts of a lower-cased word to {@code out}: none for a word with no boundary, else
   * the first part and the rest's own parts, or the rest itself if it has none.
   */
  static void split(String word, Deque<String> out) {
    for (int i = MIN_FIRST; i + 1 + MIN_REST <= word.length(); i++) {
      if (word.charAt(i) != 's' || !endsWithSuffix(word, i)) {
        continue;
      }
      String first = word.substring(0, i), rest = word.substring(i + 1);
      out.add(first);
      int before = out.size();
      split(rest, out);
      if (out.size() == before) {
        out.add(rest);
      }
      return;
    }
  }

  private static boolean endsWithSuffix(String word, int end) {
    for (String s : SUFFIXES) {
      if (word.startsWith(s, end - s.length())) {
        return true;
      }
    }
    return false;
  }

  @Override
  public void reset() throws IOException {
    super.reset();
    parts.clear();
    word = null;
  }
}
