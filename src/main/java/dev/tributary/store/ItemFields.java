package dev.tributary.store;

import java.time.Instant;

/** What a report says, as stored: clipped to the columns on construction. */
public record ItemFields(String url, String title, String summaryHtml, String author, String language,
    Instant published, Instant updated) {

  public ItemFields {
    url = Columns.clip(url, Columns.URL);
    title = Columns.clip(title, Columns.TITLE);
    summaryHtml = Columns.clip(summaryHtml, Columns.SUMMARY);
    author = Columns.clip(author, Columns.AUTHOR);
    language = Columns.clip(language, Columns.LANGUAGE);
  }
}
