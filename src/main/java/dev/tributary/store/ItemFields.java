package dev.tributary.store;

import java.time.Instant;

/** What a report says, as stored: clipped to the columns on construction. {@code image} may be null. */
public record ItemFields(String url, String title, String summaryHtml, String author, String language,
    Instant published, Instant updated, String image) {

  public ItemFields(String url, String title, String summaryHtml, String author, String language,
      Instant published, Instant updated) {
    this(url, title, summaryHtml, author, language, published, updated, null);
  }

  public ItemFields {
    url = Columns.clip(url, Columns.URL);
    title = Columns.clip(title, Columns.TITLE);
    summaryHtml = Columns.clip(summaryHtml, Columns.SUMMARY);
    author = Columns.clip(author, Columns.AUTHOR);
    language = Columns.clip(language, Columns.LANGUAGE);
    // an image link cut short would point elsewhere: too long, none
    image = image != null && image.length() > Columns.URL ? null : image;
  }
}
