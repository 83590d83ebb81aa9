package dev.tributary.parse;

import static dev.tributary.parse.XmlValues.emptyToNull;
import static dev.tributary.parse.XmlValues.text;

import dev.tributary.model.Category;

/** Categories from every vocabulary feeds use: RSS/Atom, Dublin Core, Media RSS, iTunes, CDF tags. */
final class CategoryReader {
  private static final String ITUNES_SCHEME = "http://www.itunes.com/";
  private static final String MEDIA_SCHEME = "http://search.yahoo.com/mrss/category_schema";

  private CategoryReader() {}

  /** Reads {@code el} when its key names a category element; false when it is something else. */
  static boolean read(XElement el, String key, MappedFields f) {
    switch (key) {
      case "category" -> {
        String term = el.attr("term");
        if (term == null) {
          term = text(el);
        }
        String scheme = el.attr("scheme") != null ? el.attr("scheme") : el.attr("domain");
        add(f, term, scheme, el.attr("label"));
      }
      case "dc:subject" -> add(f, text(el), null, null);
      case "media:category" -> {
        String scheme = emptyToNull(el.attr("scheme"));
        add(f, text(el), scheme == null ? MEDIA_SCHEME : scheme, emptyToNull(el.attr("label")));
      }
      case "tags" -> split(f, text(el), null);
      case "itunes:category" -> itunesCategory(el, f);
      case "itunes:keywords" -> split(f, text(el), ITUNES_SCHEME);
      default -> {
        return false;
      }
    }
    return true;
  }

  private static void split(MappedFields f, String commaSeparated, String scheme) {
    if (commaSeparated == null) {
      return;
    }
    for (String t : commaSeparated.split(",")) {
      add(f, t, scheme, null);
    }
  }

  private static void itunesCategory(XElement el, MappedFields f) {
    add(f, el.attr("text"), ITUNES_SCHEME, null);
    for (XElement child : el.elements()) {
      if (XmlKeys.key(child).equals("itunes:category")) {
        itunesCategory(child, f);
      }
    }
  }

  private static void add(MappedFields f, String term, String scheme, String label) {
    if (term == null || term.isBlank()) {
      return;
    }
    String t = term.strip();
    for (Category c : f.categories) {
      if (c.term().equals(t)) {
        return;
      }
    }
    f.categories.add(new Category(t, emptyToNull(scheme), emptyToNull(label)));
  }
}
