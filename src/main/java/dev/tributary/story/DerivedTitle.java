package dev.tributary.story;

/**
 * The title ingestion gives an entry its feed left untitled: the start of its text, cut at a word
 * and marked with an ellipsis, so that a reader has something to click. The story engine tells
 * such a title from a headline by the same rule ({@link #is}): it is the text's first words, not
 * what an editor chose to say the story is about, and {@link ProfileBuilder} compares it as it
 * compares a text's opening, not as a headline.
 */
public final class DerivedTitle {

  /** At most this many characters of the text make the title. */
  static final int CHARS = 120;
  // a cut shorter than this would leave too little: cut mid-word at CHARS instead
  private static final int SHORTEST_CUT = 40;
  private static final String MARK = "\u2026";

  private DerivedTitle() {}

  /** The title of an untitled entry with this plain text; null for none. */
  public static String of(String text) {
    if (text == null || text.isBlank()) {
      return null;
    }
    String t = text.strip();
    if (t.length() <= CHARS) {
      return t;
    }
    int cut = t.lastIndexOf(' ', CHARS);
    int end = cut > SHORTEST_CUT ? cut : CHARS;
    if (Character.isHighSurrogate(t.charAt(end - 1))) {
      end--; // never half a surrogate pair
    }
    return t.substring(0, end) + MARK;
  }

  /**
   * Whether {@code title} is the start of {@code text} cut as {@link #of} cuts it. A short text is
   * its own whole title and is not told apart: an entry that is little more than a headline is
   * judged as one.
   */
  static boolean is(String title, String text) {
    if (title == null || text == null || !title.endsWith(MARK)) {
      return false;
    }
    String start = title.substring(0, title.length() - MARK.length()).strip();
    String t = text.strip();
    return !start.isEmpty() && t.length() > start.length() && t.startsWith(start);
  }
}
