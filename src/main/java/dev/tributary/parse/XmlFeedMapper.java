package dev.tributary.parse;

import static dev.tributary.parse.XmlValues.dateOr;
import static dev.tributary.parse.XmlValues.emptyToNull;
import static dev.tributary.parse.XmlValues.integer;
import static dev.tributary.parse.XmlValues.language;
import static dev.tributary.parse.XmlValues.nullIfEmpty;
import static dev.tributary.parse.XmlValues.resolve;
import static dev.tributary.parse.XmlValues.text;

import dev.tributary.model.Content;
import dev.tributary.model.Entry;
import dev.tributary.model.FeedInfo;
import dev.tributary.model.Person;
import dev.tributary.sanitize.HtmlSanitizer;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Maps an RSS 0.9x/1.0/2.0 or Atom 0.3/1.0 element tree onto the normalized model. The dialects
 * share one element-by-element mapping (as real feeds mix them freely: Atom links in RSS, Dublin
 * Core everywhere); only namespaces decide what an element means. Links, persons, images and
 * categories each have their own reader.
 */
final class XmlFeedMapper {
  /**
   * A bound on entries kept per document, well above real feeds and archive dumps (a one-feed
   * headline stream of 11k items must arrive whole); the body size limit bounds memory first.
   */
  private static final int MAX_ENTRIES = 50_000;

  private final TextConstruct texts;
  private final ImageReader images;

  XmlFeedMapper(HtmlSanitizer sanitizer) {
    this.texts = new TextConstruct(sanitizer);
    this.images = new ImageReader(texts);
  }

  record Mapped(FeedInfo feed, List<Entry> entries) {}

  Mapped map(XElement root, String version) {
    boolean atom = version.startsWith("atom") || root.ns.equals(Namespaces.ATOM10) || root.ns.equals(Namespaces.ATOM03);
    XElement channel = root;
    List<XElement> items = new ArrayList<>();
    String rootLocal = root.local.toLowerCase(Locale.ROOT);
    if (rootLocal.equals("rss") || rootLocal.equals("rdf")) {
      for (XElement child : root.elements()) {
        String k = XmlKeys.key(child);
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
      String k = XmlKeys.key(child);
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

  private FeedInfo mapFeed(XElement channel, XElement root, boolean atom) {
    MappedFields f = new MappedFields();
    for (XElement el : channel.elements()) {
      String k = XmlKeys.key(el);
      switch (k) {
        case "title" -> f.title = texts.plainOrHtml(el, atom);
        case "dc:title" -> {
          if (f.title == null) {
            f.title = texts.plainOrHtml(el, false);
          }
        }
        case "link" -> LinkReader.link(el, f);
        case "description", "subtitle", "tagline", "abstract" ->
            f.summary = texts.html(el, atom, atom ? TextConstruct.TEXT : TextConstruct.HTML);
        case "dc:description" -> {
          if (f.summary == null) {
            f.summary = texts.html(el, false, TextConstruct.HTML);
          }
        }
        case "itunes:summary", "itunes:subtitle" -> {
          if (f.summary == null) {
            f.summary = texts.html(el, atom, TextConstruct.TEXT);
          }
        }
        case "id" -> f.id = atomId(el);
        case "language", "dc:language" -> f.language = text(el);
        case "copyright", "rights", "dc:rights" ->
            f.rights = texts.html(el, atom, atom ? TextConstruct.TEXT : TextConstruct.HTML);
        case "generator" -> f.generator = text(el);
        case "admin:generatorAgent" -> {
          if (f.generator == null) {
            f.generator = el.attrNs(Namespaces.RDF, "resource");
          }
        }
        case "ttl" -> f.ttl = integer(text(el));
        default -> {
          if (!images.read(el, k, f)) {
            common(el, k, f);
          }
        }
      }
    }
    LinkReader.cdfAttributes(channel, f);
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
    MappedFields f = new MappedFields();
    String guid = null;
    boolean guidIsLink = false;
    for (XElement el : item.elements()) {
      String k = XmlKeys.key(el);
      switch (k) {
        case "title" -> f.title = texts.plainOrHtml(el, atom);
        case "dc:title", "media:title" -> {
          if (f.title == null) {
            f.title = texts.plainOrHtml(el, false);
          }
        }
        case "dc:description" -> {
          if (f.summary == null) {
            f.summary = texts.html(el, false, TextConstruct.HTML);
          }
        }
        case "link" -> LinkReader.link(el, f);
        case "description", "summary", "abstract" -> {
          // the first summary wins, but a real summary replaces one copied from the content
          if (f.summary == null || f.summaryFromContent) {
            f.summary = texts.html(el, atom, atom ? TextConstruct.TEXT : TextConstruct.HTML);
            f.summaryFromContent = false;
          }
        }
        case "itunes:summary", "itunes:subtitle", "media:description" -> {
          if (f.summary == null) {
            f.summary = texts.html(el, atom, k.equals("media:description") ? mediaTextType(el) : TextConstruct.TEXT);
          }
        }
        case "media:group" -> mediaGroup(el, f);
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
        case "copyright", "rights", "dc:rights" ->
            f.rights = texts.html(el, atom, atom ? TextConstruct.TEXT : TextConstruct.HTML);
        case "enclosure" -> LinkReader.enclosure(el, f);
        default -> {
          if (!images.readForEntry(el, k, f)) {
            common(el, k, f);
          }
        }
      }
    }
    if (f.id == null) {
      f.id = emptyToNull(item.attrNs(Namespaces.RDF, "about"));
    }
    LinkReader.cdfAttributes(item, f);
    if (f.link == null && guid != null && guidIsLink && !guid.isBlank()) {
      f.link = resolve(item, guid);
    }
    Person author = f.authors.isEmpty() ? null : f.authors.get(0);
    return new Entry(f.id, f.title, f.link, nullIfEmpty(f.links), f.summary, f.summary,
        nullIfEmpty(f.content), f.published, f.updated, author, nullIfEmpty(f.authors),
        nullIfEmpty(f.contributors), nullIfEmpty(f.categories), nullIfEmpty(f.enclosures),
        f.comments, f.rights, f.language != null ? f.language.replace('_', '-') : language(item),
        ImageReader.entryImage(f));
  }

  /** A Media RSS group: alternatives of one media object, with a title and description for all of them. */
  private void mediaGroup(XElement group, MappedFields f) {
    for (XElement el : group.elements()) {
      String k = XmlKeys.key(el);
      switch (k) {
        case "media:title" -> {
          if (f.title == null) {
            f.title = texts.plainOrHtml(el, false);
          }
        }
        case "media:description" -> {
          if (f.summary == null) {
            f.summary = texts.html(el, false, mediaTextType(el));
          }
        }
        case "media:category" -> CategoryReader.read(el, k, f);
        default -> images.readForEntry(el, k, f);
      }
    }
  }

  /** Media RSS text is plain unless {@code type="html"}. */
  private static String mediaTextType(XElement el) {
    return "html".equalsIgnoreCase(el.attr("type")) ? TextConstruct.HTML : TextConstruct.TEXT;
  }

  /** Elements that mean the same at feed and entry level. */
  private static void common(XElement el, String k, MappedFields f) {
    switch (k) {
      case "pubDate", "published", "issued", "dcterms:issued" -> f.published = dateOr(el, f.published);
      case "created", "dcterms:created" -> {
        if (f.published == null || f.publishedFromCreated) {
          f.published = dateOr(el, f.published);
          f.publishedFromCreated = true;
        }
      }
      case "updated", "modified", "dc:date", "dcterms:modified", "lastBuildDate" -> f.updated = dateOr(el, f.updated);
      case "author", "managingEditor", "dc:creator", "dc:author", "itunes:author" -> PersonReader.author(el, f);
      case "contributor", "dc:contributor" -> PersonReader.contributor(el, f);
      default -> CategoryReader.read(el, k, f);
    }
  }

  /** Atom ids may be relative references, resolved like every other Atom URI. */
  private static String atomId(XElement el) {
    String id = text(el);
    if (id == null || id.contains(":") || id.chars().anyMatch(Character::isWhitespace)
        || !(el.ns.equals(Namespaces.ATOM10) || el.ns.equals(Namespaces.ATOM03))) {
      return id;
    }
    return resolve(el, id);
  }
}
