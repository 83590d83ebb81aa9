package dev.tributary.sanitize;

import org.jsoup.Jsoup;

/** The plain text a reader would see in an HTML fragment: for clustering, excerpts and derived titles. */
public final class HtmlText {
  private HtmlText() {}

  /** Visible text with whitespace collapsed; "" for null or blank input. */
  public static String of(String html) {
    if (html == null || html.isBlank()) {
      return "";
    }
    if (html.indexOf('<') < 0 && html.indexOf('&') < 0) {
      return html.strip().replaceAll("\\s+", " ");
    }
    return Jsoup.parseBodyFragment(html).text();
  }

  /** At most {@code max} chars of {@code text}, never ending in half a surrogate pair. */
  public static String truncate(String text, int max) {
    if (text == null || text.length() <= max) {
      return text;
    }
    int end = max;
    if (Character.isHighSurrogate(text.charAt(end - 1))) {
      end--;
    }
    return text.substring(0, end);
  }
}
