package dev.tributary.store;

import dev.tributary.sanitize.HtmlText;

/**
 * Column widths of the schema (db/migration), in one place: every text written to the database
 * is clipped here, on a character boundary that never splits a surrogate pair.
 */
public final class Columns {
  public static final int URL = 2000;
  public static final int GUID = 2000;
  public static final int TITLE = 1000;
  public static final int SUMMARY = 199_000;
  public static final int AUTHOR = 500;
  public static final int LANGUAGE = 16;
  public static final int FEED_TITLE = 500;
  public static final int ERROR = 2000;

  private Columns() {}

  /** {@code s} cut to at most {@code max} chars; a high surrogate left at the cut goes too. */
  public static String clip(String s, int max) {
    return HtmlText.truncate(s, max);
  }
}
