package dev.tributary.sanitize;

/**
 * Plain text from publishers (titles, names) without the invisible format characters that make
 * text display other than it reads: bidirectional embeddings, overrides and isolates (U+202E
 * turns "gpj.exe" into "exe.jpg") and zero-width spaces that split or hide words. Kept: the
 * zero-width joiner and non-joiner (Persian, Indic scripts and emoji sequences need them) and the
 * directional marks LRM, RLM and ALM (they only settle the direction of neighbouring neutral
 * characters in mixed-script titles, and cannot reorder a run of text).
 */
public final class SafeText {
  private SafeText() {}

  public static String title(String text) {
    if (text == null) {
      return null;
    }
    StringBuilder b = null;
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (isHidden(c)) {
        if (b == null) {
          b = new StringBuilder(text.length()).append(text, 0, i);
        }
      } else if (b != null) {
        b.append(c);
      }
    }
    return b == null ? text : b.toString().strip();
  }

  static boolean isHidden(char c) {
    return c == '\u200B' // zero width space
        || (c >= '\u202A' && c <= '\u202E') // embeddings and overrides
        || (c >= '\u2066' && c <= '\u2069') // isolates
        || c == '\u2060' || c == '\uFEFF' || c == '\u180E'; // word joiner, BOM, Mongolian vowel separator
  }
}
