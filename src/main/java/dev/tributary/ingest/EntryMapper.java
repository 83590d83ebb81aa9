package dev.tributary.ingest;

import dev.tributary.model.Content;
import dev.tributary.model.Entry;
import dev.tributary.model.NormalizedFeed;
import java.util.ArrayList;
import java.util.List;
import dev.tributary.sanitize.HtmlText;
import dev.tributary.sanitize.SafeUrl;
import dev.tributary.story.DerivedTitle;
import java.util.Locale;
import java.util.Objects;

/** Normalized entries to the items the store keeps. */
final class EntryMapper {
  private static final int MAX_TEXT = 5000;

  private EntryMapper() {}

  static List<IncomingItem> items(NormalizedFeed feed, String languageHint) {
    String feedLanguage = feed.feed() == null ? null : feed.feed().language();
    List<IncomingItem> out = new ArrayList<>(feed.entries().size());
    for (Entry e : feed.entries()) {
      String html = e.summary() != null ? e.summary() : firstContent(e);
      String body = firstContent(e) != null ? firstContent(e) : html;
      String text = HtmlText.of(body);
      String title = e.title() != null && !e.title().isBlank() ? e.title() : DerivedTitle.of(text);
      if (title == null && e.link() == null && e.id() == null) {
        continue; // nothing to show and nothing to recognise it by again
      }
      String language = e.language() != null ? e.language() : languageHint != null ? languageHint : feedLanguage;
      out.add(new IncomingItem(e.id(), e.link(), title, html,
          HtmlText.truncate(text, MAX_TEXT),
          e.author() == null ? null : e.author().name(), language == null ? null : shortLanguage(language),
          e.published() != null ? e.published() : e.updated(), e.updated(), image(e)));
    }
    return out;
  }

  /**
   * The item's picture, over http(s): the one the parser found standing for the entry (a Media
   * RSS thumbnail, an iTunes image, ...), else the first enclosure served as an image (RSS
   * {@code <enclosure type="image/jpeg">}, Atom {@code rel="enclosure"}).
   */
  static String image(Entry e) {
    String parsed = e.image() == null ? null : SafeUrl.http(e.image().url());
    if (parsed != null || e.enclosures() == null) {
      return parsed;
    }
    return e.enclosures().stream()
        .filter(x -> x.type() != null && x.type().toLowerCase(Locale.ROOT).startsWith("image/"))
        .map(x -> SafeUrl.http(x.url())).filter(Objects::nonNull).findFirst().orElse(null);
  }

  private static String firstContent(Entry e) {
    if (e.content() == null) {
      return null;
    }
    return e.content().stream().map(Content::value).filter(v -> v != null && !v.isBlank()).findFirst().orElse(null);
  }

  /** {@code en-US} → {@code en}: stories compare languages, not regions. */
  private static String shortLanguage(String tag) {
    String t = tag.trim().toLowerCase(Locale.ROOT).replace('_', '-');
    int dash = t.indexOf('-');
    return dash > 0 ? t.substring(0, dash) : t;
  }
}
