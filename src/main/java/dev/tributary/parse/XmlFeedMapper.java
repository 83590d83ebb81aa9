package dev.tributary.parse;

import dev.tributary.model.Category;
import dev.tributary.model.Content;
import dev.tributary.model.Enclosure;
import dev.tributary.model.Entry;
import dev.tributary.model.FeedInfo;
import dev.tributary.model.Image;
import dev.tributary.model.Link;
import dev.tributary.model.Person;
import dev.tributary.sanitize.HtmlSanitizer;
import dev.tributary.sanitize.UrlResolver;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Maps an RSS 0.9x/1.0/2.0 or Atom 0.3/1.0 element tree onto the normalized model. The dialects
 * share one element-by-element mapping (as real feeds mix them freely: Atom links in RSS, Dublin
 * Core everywhere); only namespaces decide what an element means.
 */
final class XmlFeedMapper {
  /**
   * A bound on entries kept per document, well above real feeds and archive dumps (a one-feed
   * headline stream of 11k items must arrive whole); the body size limit bounds memory first.
   */
  private static final int MAX_ENTRIES = 50_000;
  private static final String ITUNES_SCHEME = "http://www.itunes.com/";
  private static final java.util.Map<String, String> CAMEL_CASE = java.util.Map.of(
      "pubdate", "pubDate", "lastbuilddate", "lastBuildDate", "managingeditor", "managingEditor",
      "webmaster", "webMaster", "ispermalink", "isPermaLink", "textinput", "textInput");

  private final TextConstruct texts;

  XmlFeedMapper(HtmlSanitizer sanitizer) {
    this.texts = new TextConstruct(sanitizer);
  }

  record Mapped(FeedInfo feed, List<Entry> entries) {}

  Mapped map(XElement root, String version) {
    boolean atom = version.startsWith("atom") || root.ns.equals(Namespaces.ATOM10) || root.ns.equals(Namespaces.ATOM03);
    XElement channel = root;
    List<XElement> items = new ArrayList<>();
    String rootLocal = root.local.toLowerCase(Locale.ROOT);
    if (rootLocal.equals("rss") || rootLocal.equals("rdf")) {
      for (XElement child : root.elements()) {
        String k = key(child);
        if (k.equals("channel") && channel == root) {
          channel = child;
        } else if (k.equals("item")) {
          items.add(child);
        }
      }
    }
    if (rootLocal.equals("entry")) {
      return new Mapped(new FeedInfo(null, null, null, null, null, null, null, null, null, null, null,
          null, null, null, null, null), List.of(mapEntry(root, true)));
    }
    for (XElement child : channel.elements()) {
      String k = key(child);
      if (k.equals("item") || k.equals("entry")) {
        items.add(child);
      }
    }
    FeedInfo feed = mapFeed(channel, root, atom);
    List<Entry> entries = new ArrayList<>();
    for (XElement item : items) {
      if (entries.size() >= MAX_ENTRIES) {
        break;
      }
      entries.add(mapEntry(item, atom));
    }
    return new Mapped(feed, entries);
  }

  /** The element's name with a canonical prefix for the modules we read; core RSS/Atom names bare. */
  static String key(XElement el) {
    String ns = el.ns;
    String local = el.local;
    if (ns.isEmpty() || ns.equals(Namespaces.ATOM10) || ns.equals(Namespaces.ATOM03) || ns.equals(Namespaces.RSS10)
        || ns.equals(Namespaces.RSS090) || ns.startsWith("http://backend.userland.com/rss")
        || ns.startsWith("http://blogs.law.harvard.edu/tech/rss")) {
      // Readers treat core element names case-insensitively (iTunes does, and feeds rely on it).
      String lowerLocal = local.toLowerCase(Locale.ROOT);
      return CAMEL_CASE.getOrDefault(lowerLocal, lowerLocal);
    }
    String lower = ns.toLowerCase(Locale.ROOT);
    if (ns.equals(Namespaces.DC)) {
      return "dc:" + local;
    }
    if (ns.equals(Namespaces.DCTERMS)) {
      return "dcterms:" + local;
    }
    if (ns.equals(Namespaces.CONTENT)) {
      return "content:" + local;
    }
    if (lower.equals(Namespaces.ITUNES.toLowerCase(Locale.ROOT))) {
      return "itunes:" + local;
    }
    if (ns.equals(Namespaces.MEDIA) || (ns + "/").equals(Namespaces.MEDIA)) {
      return "media:" + local;
    }
    if (ns.equals(Namespaces.XHTML)) {
      return "xhtml:" + local;
    }
    if (ns.equals(Namespaces.RDF)) {
      return "rdf:" + local;
    }
    if (ns.equals("http://webns.net/mvcb/")) {
      return "admin:" + local;
    }
    if (ns.startsWith("urn:undeclared:")) {
      return ns.substring("urn:undeclared:".length()) + ":" + local;
    }
    return "{" + ns + "}" + local;
  }

  private FeedInfo mapFeed(XElement channel, XElement root, boolean atom) {
    Fields f = new Fields();
    for (XElement el : channel.elements()) {
      String k = key(el);
      switch (k) {
        case "title" -> f.title = plainOrHtml(el, atom);
        case "dc:title" -> {
          if (f.title == null) {
            f.title = plainOrHtml(el, false);
          }
        }
        case "link" -> link(el, f, atom);
        case "description", "subtitle", "tagline", "abstract" ->
            f.summary = html(el, atom, atom ? TextConstruct.TEXT : TextConstruct.HTML);
        case "dc:description" -> {
          if (f.summary == null) {
            f.summary = html(el, false, TextConstruct.HTML);
          }
        }
        case "itunes:summary", "itunes:subtitle" -> {
          if (f.summary == null) {
            f.summary = html(el, atom, TextConstruct.TEXT);
          }
        }
        case "id" -> f.id = atomId(el);
        case "language", "dc:language" -> f.language = text(el);
        case "copyright", "rights", "dc:rights" -> f.rights = html(el, atom, atom ? TextConstruct.TEXT : TextConstruct.HTML);
        case "generator" -> f.generator = text(el);
        case "admin:generatorAgent" -> {
          if (f.generator == null) {
            f.generator = el.attrNs(Namespaces.RDF, "resource");
          }
        }
        case "ttl" -> f.ttl = integer(text(el));
        case "image" -> f.image = image(el);
        case "logo", "icon" -> {
          if (f.image == null) {
            f.image = new Image(resolve(el, text(el)), null, null, null, null, null);
          }
        }
        case "itunes:image" -> {
          if (f.image == null) {
            String href = el.attr("href") != null ? el.attr("href") : el.attr("url");
            if (href != null) {
              f.image = new Image(resolve(el, href), null, null, null, null, null);
            }
          }
        }
        default -> common(el, k, f, atom);
      }
    }
    cdfAttributes(channel, f);
    String language = f.language;
    if (language == null) {
      language = channel.lang != null ? channel.lang : root.lang;
    }
    if (language != null) {
      language = language.replace('_', '-');
      if (language.isBlank()) {
        language = null;
      }
    }
    Person author = f.authors.isEmpty() ? null : f.authors.get(0);
    return new FeedInfo(f.title, f.link, nullIfEmpty(f.links), f.summary, f.id, language, f.rights,
        f.generator, f.updated, f.published, author, nullIfEmpty(f.authors),
        nullIfEmpty(f.contributors), nullIfEmpty(f.categories), f.image, f.ttl);
  }

  private Entry mapEntry(XElement item, boolean atom) {
    Fields f = new Fields();
    String guid = null;
    boolean guidIsLink = false;
    for (XElement el : item.elements()) {
      String k = key(el);
      switch (k) {
        case "title" -> f.title = plainOrHtml(el, atom);
        case "dc:title", "media:title" -> {
          if (f.title == null) {
            f.title = plainOrHtml(el, false);
          }
        }
        case "dc:description" -> {
          if (f.summary == null) {
            f.summary = html(el, false, TextConstruct.HTML);
          }
        }
        case "link" -> link(el, f, atom);
        case "description", "summary", "abstract" -> {
          // the first summary wins, but a real summary replaces one copied from the content
          if (f.summary == null || f.summaryFromContent) {
            f.summary = html(el, atom, atom ? TextConstruct.TEXT : TextConstruct.HTML);
            f.summaryFromContent = false;
          }
        }
        case "itunes:summary" -> {
          if (f.summary == null) {
            f.summary = html(el, atom, TextConstruct.TEXT);
          }
        }
        case "content", "content:encoded", "xhtml:body", "fullitem", "body" -> {
          boolean xhtmlBody = k.equals("xhtml:body") || k.equals("body");
          String defaultType = xhtmlBody ? TextConstruct.XHTML
              : k.equals("content") && atom ? TextConstruct.TEXT : TextConstruct.HTML;
          TextConstruct.Value v = texts.read(el, defaultType, !atom && !xhtmlBody);
          f.content.add(new Content(v.value(), v.type(), language(el)));
          if (f.summary == null) {
            f.summary = v.type().equals(TextConstruct.TEXT) ? texts.asHtml(v.value(), el) : v.value();
            f.summaryFromContent = true;
          }
        }
        case "id" -> f.id = atomId(el);
        case "guid" -> {
          guid = text(el);
          String permalink = el.attr("isPermaLink");
          guidIsLink = permalink == null || permalink.strip().equalsIgnoreCase("true");
          f.id = guid;
        }
        case "comments" -> f.comments = resolve(el, text(el));
        case "language", "dc:language" -> f.language = text(el);
        case "copyright", "rights", "dc:rights" -> f.rights = html(el, atom, atom ? TextConstruct.TEXT : TextConstruct.HTML);
        case "enclosure" -> {
          String url = el.attr("url");
          if (url != null) {
            String resolved = resolve(el, url);
            Long length = longValue(el.attr("length"));
            String type = emptyToNull(el.attr("type"));
            f.enclosures.add(new Enclosure(resolved, type, length));
            f.links.add(new Link(resolved, "enclosure", type, null, null, length));
          }
        }
        default -> common(el, k, f, atom);
      }
    }
    if (f.id == null) {
      f.id = emptyToNull(item.attrNs(Namespaces.RDF, "about"));
    }
    cdfAttributes(item, f);
    if (f.link == null && guid != null && guidIsLink && !guid.isBlank()) {
      f.link = resolve(item, guid);
    }
    Person author = f.authors.isEmpty() ? null : f.authors.get(0);
    return new Entry(f.id, f.title, f.link, nullIfEmpty(f.links), f.summary, f.summary,
        nullIfEmpty(f.content), f.published, f.updated, author, nullIfEmpty(f.authors),
        nullIfEmpty(f.contributors), nullIfEmpty(f.categories), nullIfEmpty(f.enclosures),
        f.comments, f.rights, f.language != null ? f.language.replace('_', '-') : language(item));
  }

  /** Elements that mean the same at feed and entry level. */
  private void common(XElement el, String k, Fields f, boolean atom) {
    switch (k) {
      case "pubDate", "published", "issued", "dcterms:issued" -> f.published = dateOr(el, f.published);
      case "created", "dcterms:created" -> {
        if (f.published == null || f.publishedFromCreated) {
          f.published = dateOr(el, f.published);
          f.publishedFromCreated = true;
        }
      }
      case "updated", "modified", "dc:date", "dcterms:modified", "lastBuildDate" -> f.updated = dateOr(el, f.updated);
      case "author", "managingEditor", "dc:creator", "dc:author", "itunes:author" -> {
        Person p = person(el);
        if (p != null && !f.authors.contains(p)) {
          f.authors.add(p);
        }
      }
      case "contributor", "dc:contributor" -> {
        Person p = person(el);
        if (p != null) {
          f.contributors.add(p);
        }
      }
      case "category" -> {
        String term = el.attr("term");
        if (term == null) {
          term = text(el);
        }
        String scheme = el.attr("scheme") != null ? el.attr("scheme") : el.attr("domain");
        addCategory(f, term, scheme, el.attr("label"));
      }
      case "dc:subject" -> addCategory(f, text(el), null, null);
      case "media:category" -> {
        String scheme = emptyToNull(el.attr("scheme"));
        addCategory(f, text(el), scheme == null ? "http://search.yahoo.com/mrss/category_schema" : scheme,
            emptyToNull(el.attr("label")));
      }
      case "tags" -> {
        String tags = text(el);
        if (tags != null) {
          for (String t : tags.split(",")) {
            addCategory(f, t, null, null);
          }
        }
      }
      case "itunes:category" -> itunesCategory(el, f);
      case "itunes:keywords" -> {
        String words = text(el);
        if (words != null) {
          for (String t : words.split(",")) {
            addCategory(f, t, ITUNES_SCHEME, null);
          }
        }
      }
      default -> {
        // elements of other modules are not part of the normalized model
      }
    }
  }

  private void itunesCategory(XElement el, Fields f) {
    addCategory(f, el.attr("text"), ITUNES_SCHEME, null);
    for (XElement child : el.elements()) {
      if (key(child).equals("itunes:category")) {
        itunesCategory(child, f);
      }
    }
  }

  private static void addCategory(Fields f, String term, String scheme, String label) {
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

  private void link(XElement el, Fields f, boolean atom) {
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

  /** Atom ids may be relative references, resolved like every other Atom URI. */
  private static String atomId(XElement el) {
    String id = text(el);
    if (id == null || id.contains(":") || id.chars().anyMatch(Character::isWhitespace) || !(el.ns.equals(Namespaces.ATOM10) || el.ns.equals(Namespaces.ATOM03))) {
      return id;
    }
    return resolve(el, id);
  }

  /** Microsoft CDF puts the link and modification date in attributes of CHANNEL and ITEM. */
  private static void cdfAttributes(XElement el, Fields f) {
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

  private Person person(XElement el) {
    List<XElement> children = el.elements();
    if (children.isEmpty()) {
      return Persons.fromString(text(el));
    }
    String name = null;
    String email = null;
    String uri = null;
    for (XElement c : children) {
      switch (key(c)) {
        case "name" -> name = text(c);
        case "email" -> email = text(c);
        case "uri", "url", "homepage" -> uri = resolve(c, text(c));
        default -> {
          // other person elements are not part of the model
        }
      }
    }
    if (name == null && email == null && uri == null) {
      return null;
    }
    return new Person(name, email, uri);
  }

  private Image image(XElement el) {
    String url = null;
    String title = null;
    String link = null;
    Integer width = null;
    Integer height = null;
    String description = null;
    for (XElement c : el.elements()) {
      switch (key(c)) {
        case "url" -> url = resolve(c, text(c));
        case "title" -> title = text(c);
        case "link" -> link = resolve(c, text(c));
        case "width" -> width = integer(text(c));
        case "height" -> height = integer(text(c));
        case "description" -> description = html(c, false, TextConstruct.HTML);
        default -> {
          // not part of the model
        }
      }
    }
    if (url == null) {
      String about = el.attrNs(Namespaces.RDF, "resource");
      if (about != null) {
        url = resolve(el, about);
      }
    }
    return new Image(url, title, link, width, height, description);
  }

  private String plainOrHtml(XElement el, boolean atom) {
    return emptyToNull(texts.read(el, TextConstruct.TEXT, !atom).value());
  }

  /** A field that holds HTML: plain text must not smuggle markup into it (see {@link TextConstruct#asHtml}). */
  private String html(XElement el, boolean atom, String defaultType) {
    TextConstruct.Value v = texts.read(el, defaultType, !atom);
    return emptyToNull(v.type().equals(TextConstruct.TEXT) ? texts.asHtml(v.value(), el) : v.value());
  }

  private static String text(XElement el) {
    return emptyToNull(el.text().strip());
  }

  private static String language(XElement el) {
    return el.lang == null || el.lang.isBlank() ? null : el.lang.replace('_', '-');
  }

  private static String resolve(XElement el, String value) {
    if (value == null) {
      return null;
    }
    return UrlResolver.resolve(el.base, value.strip());
  }

  private static Instant dateOr(XElement el, Instant previous) {
    Instant parsed = DateParser.parse(el.text());
    return parsed != null ? parsed : previous;
  }

  private static Integer integer(String s) {
    if (s == null) {
      return null;
    }
    try {
      return Integer.valueOf(s.strip());
    } catch (NumberFormatException e) {
      return null;
    }
  }

  private static Long longValue(String s) {
    if (s == null || s.isBlank()) {
      return null;
    }
    try {
      return Long.valueOf(s.strip());
    } catch (NumberFormatException e) {
      return null;
    }
  }

  private static String emptyToNull(String s) {
    return s == null || s.isBlank() ? null : s;
  }

  private static <T> List<T> nullIfEmpty(List<T> list) {
    return list.isEmpty() ? null : List.copyOf(list);
  }

  /** Mutable accumulator for one feed or entry while its elements are read in document order. */
  private static final class Fields {
    String title;
    String link;
    final List<Link> links = new ArrayList<>();
    String summary;
    boolean summaryFromContent;
    String id;
    String language;
    String rights;
    String generator;
    Instant updated;
    Instant published;
    boolean publishedFromCreated;
    final List<Person> authors = new ArrayList<>();
    final List<Person> contributors = new ArrayList<>();
    final List<Category> categories = new ArrayList<>();
    final List<Content> content = new ArrayList<>();
    final List<Enclosure> enclosures = new ArrayList<>();
    String comments;
    Image image;
    Integer ttl;
  }
}
