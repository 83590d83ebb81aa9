package dev.tributary.parse;

import static dev.tributary.parse.XmlValues.emptyToNull;
import static dev.tributary.parse.XmlValues.longValue;
import static dev.tributary.parse.XmlValues.resolve;
import static dev.tributary.parse.XmlValues.text;

import dev.tributary.model.Enclosure;
import dev.tributary.model.Link;

/** RSS links (element text), Atom links (attributes), enclosures and Microsoft CDF's link attributes. */
final class LinkReader {
  private LinkReader() {}

  static void link(XElement el, MappedFields f) {
    String href = el.attr("href");
    boolean atomStyle = href != null || el.ns.equals(Namespaces.ATOM10) || el.ns.equals(Namespaces.ATOM03)
        || el.attr("rel") != null;
    if (!atomStyle) {
      String value = text(el);
      if (value == null) {
        return;
      }
      String resolved = resolve(el, value);
      if (f.link == null) {
        f.link = resolved;
      }
      f.links.add(new Link(resolved, "alternate", "text/html", null, null, null));
      return;
    }
    if (href == null) {
      href = text(el);
      if (href == null) {
        return;
      }
    }
    String rel = emptyToNull(el.attr("rel"));
    if (rel == null) {
      rel = "alternate";
    }
    String type = emptyToNull(el.attr("type"));
    if (type == null) {
      type = rel.equals("self") ? "application/atom+xml" : "text/html";
    }
    String resolved = resolve(el, href);
    Long length = longValue(el.attr("length"));
    f.links.add(new Link(resolved, rel, type, emptyToNull(el.attr("title")), emptyToNull(el.attr("hreflang")), length));
    if (rel.equals("enclosure")) {
      f.enclosures.add(new Enclosure(resolved, type, length));
    }
    if (rel.equals("alternate") && f.link == null
        && (type.equals("text/html") || type.equals("application/xhtml+xml"))) {
      f.link = resolved;
    }
  }

  /** RSS {@code <enclosure url length type>}: an enclosure and a link of rel enclosure. */
  static void enclosure(XElement el, MappedFields f) {
    String url = el.attr("url");
    if (url == null) {
      return;
    }
    String resolved = resolve(el, url);
    Long length = longValue(el.attr("length"));
    String type = emptyToNull(el.attr("type"));
    f.enclosures.add(new Enclosure(resolved, type, length));
    f.links.add(new Link(resolved, "enclosure", type, null, null, length));
  }

  /** Microsoft CDF puts the link and modification date in attributes of CHANNEL and ITEM. */
  static void cdfAttributes(XElement el, MappedFields f) {
    if (!el.ns.isEmpty()) {
      return;
    }
    String href = el.attr("href") != null ? el.attr("href") : el.attr("HREF");
    if (href != null && f.link == null) {
      String resolved = resolve(el, href);
      f.link = resolved;
      f.links.add(new Link(resolved, "alternate", "text/html", null, null, null));
    }
    String lastmod = el.attr("lastmod") != null ? el.attr("lastmod") : el.attr("LASTMOD");
    if (lastmod != null && f.updated == null) {
      f.updated = DateParser.parse(lastmod);
    }
  }
}
