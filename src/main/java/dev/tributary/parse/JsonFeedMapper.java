package dev.tributary.parse;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.json.JsonReadFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
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
import java.net.URI;
import java.util.ArrayList;
import java.util.List;

/** Maps JSON Feed 1.0 and 1.1 documents onto the normalized model. */
final class JsonFeedMapper {
  /** Lenient where publishers are sloppy (NaN ids), never about structure. */
  private static final ObjectMapper JSON = JsonMapper.builder()
      .enable(JsonReadFeature.ALLOW_NON_NUMERIC_NUMBERS)
      .build();
  /**
   * A bound on entries kept per document, well above real feeds and archive dumps (a one-feed
   * headline stream of 11k items must arrive whole); the body size limit bounds memory first.
   */
  private static final int MAX_ENTRIES = 50_000;

  record Mapped(String version, FeedInfo feed, List<Entry> entries) {}

  /** Thrown when the text is JSON but not a JSON Feed, or not JSON at all. */
  static final class NotJsonFeed extends Exception {
    NotJsonFeed(String message, Throwable cause) {
      super(message, cause);
    }
  }

  private final HtmlSanitizer sanitizer;

  JsonFeedMapper(HtmlSanitizer sanitizer) {
    this.sanitizer = sanitizer;
  }

  /** {@code defaultLanguage} (from HTTP, may be null) stands in for a feed that names no language. */
  Mapped map(String text, URI base, boolean servedAsJsonFeed, String defaultLanguage) throws NotJsonFeed {
    JsonNode root;
    try {
      root = JSON.readTree(text);
    } catch (JsonProcessingException e) {
      throw new NotJsonFeed("not valid JSON: " + e.getOriginalMessage(), e);
    }
    if (root == null || !root.isObject()) {
      throw new NotJsonFeed("JSON document is not an object", null);
    }
    String versionUrl = str(root, "version");
    String version;
    if (versionUrl != null && versionUrl.contains("jsonfeed.org/version/1.1")) {
      version = "json11";
    } else if (versionUrl != null && versionUrl.contains("jsonfeed.org/version/1")) {
      version = "json10";
    } else if ((root.has("items") && root.get("items").isArray()) || servedAsJsonFeed) {
      version = "";
    } else {
      throw new NotJsonFeed("JSON document is not a JSON Feed (no version, no items)", null);
    }

    String link = resolve(base, str(root, "home_page_url"));
    List<Link> links = new ArrayList<>();
    if (link != null) {
      links.add(new Link(link, "alternate", "text/html", null, null, null));
    }
    String feedUrl = resolve(base, str(root, "feed_url"));
    if (feedUrl != null) {
      links.add(new Link(feedUrl, "self", "application/feed+json", null, null, null));
    }
    String nextUrl = resolve(base, str(root, "next_url"));
    if (nextUrl != null) {
      links.add(new Link(nextUrl, "next", "application/feed+json", null, null, null));
    }
    List<Person> authors = authors(root, base);
    String icon = resolve(base, str(root, "icon"));
    if (icon == null) {
      icon = resolve(base, str(root, "favicon"));
    }
    FeedInfo feed = new FeedInfo(plain(str(root, "title")), link, nullIfEmpty(links),
        escapeText(str(root, "description")), feedUrl, firstNonNull(str(root, "language"), defaultLanguage), null, null, null, null,
        authors.isEmpty() ? null : authors.get(0), nullIfEmpty(authors), null, null,
        icon == null ? null : new Image(icon, null, null, null, null, null), null);

    List<Entry> entries = new ArrayList<>();
    JsonNode items = root.get("items");
    if (items != null && items.isArray()) {
      for (JsonNode item : items) {
        if (entries.size() >= MAX_ENTRIES) {
          break;
        }
        // an item whose id is an object or array is not an item in any reading of the spec
        JsonNode id = item.isObject() ? item.get("id") : null;
        if (item.isObject() && (id == null || !id.isContainerNode())) {
          entries.add(entry(item, base));
        }
      }
    }
    return new Mapped(version, feed, entries);
  }

  private Entry entry(JsonNode item, URI base) {
    JsonNode idNode = item.get("id");
    String id = idNode == null || idNode.isNull() || idNode.isContainerNode() ? null : idNode.asText().strip();
    String url = resolve(base, str(item, "url"));
    URI itemBase = url != null ? UrlResolver.toUri(url) : base;
    List<Link> links = new ArrayList<>();
    if (url != null) {
      links.add(new Link(url, "alternate", "text/html", null, null, null));
    }
    String external = resolve(base, str(item, "external_url"));
    if (external != null) {
      links.add(new Link(external, "related", "text/html", null, null, null));
    }
    List<Content> content = new ArrayList<>();
    String html = str(item, "content_html");
    if (html != null) {
      content.add(new Content(sanitizer.sanitize(html, itemBase).strip(), TextConstruct.HTML, null));
    }
    String text = str(item, "content_text");
    if (text != null) {
      content.add(new Content(text.strip(), TextConstruct.TEXT, null));
    }
    String summary = escapeText(str(item, "summary"));
    if (summary == null && !content.isEmpty()) {
      Content first = content.get(0);
      summary = first.type().equals(TextConstruct.TEXT) ? escapeText(first.value()) : first.value();
    }
    List<Category> categories = new ArrayList<>();
    JsonNode tags = item.get("tags");
    if (tags != null && tags.isArray()) {
      for (JsonNode t : tags) {
        if (t.isValueNode() && !t.asText().isBlank()) {
          categories.add(new Category(t.asText().strip(), null, null));
        }
      }
    }
    List<Enclosure> enclosures = new ArrayList<>();
    JsonNode attachments = item.get("attachments");
    if (attachments != null && attachments.isArray()) {
      for (JsonNode a : attachments) {
        String aurl = resolve(base, str(a, "url"));
        if (aurl != null) {
          JsonNode size = a.get("size_in_bytes");
          Long length = size != null && size.canConvertToLong() ? size.asLong() : null;
          enclosures.add(new Enclosure(aurl, str(a, "mime_type"), length));
          links.add(new Link(aurl, "enclosure", str(a, "mime_type"), str(a, "title"), null, length));
        }
      }
    }
    List<Person> authors = authors(item, base);
    return new Entry(id, plain(str(item, "title")), url, nullIfEmpty(links), summary, summary,
        nullIfEmpty(content), DateParser.parse(str(item, "date_published")),
        DateParser.parse(str(item, "date_modified")), authors.isEmpty() ? null : authors.get(0),
        nullIfEmpty(authors), null, nullIfEmpty(categories), nullIfEmpty(enclosures), null, null,
        str(item, "language"), itemImage(item, base));
  }

  /** JSON Feed's item {@code image}, else its {@code banner_image}. */
  private static Image itemImage(JsonNode item, URI base) {
    String image = resolve(base, str(item, "image"));
    if (image == null) {
      image = resolve(base, str(item, "banner_image"));
    }
    return image == null ? null : new Image(image, null, null, null, null, null);
  }

  private static List<Person> authors(JsonNode node, URI base) {
    List<Person> out = new ArrayList<>();
    JsonNode many = node.get("authors");
    if (many != null && many.isArray()) {
      for (JsonNode a : many) {
        Person p = person(a, base);
        if (p != null) {
          out.add(p);
        }
      }
    }
    if (out.isEmpty()) {
      Person p = person(node.get("author"), base);
      if (p != null) {
        out.add(p);
      }
    }
    return out;
  }

  private static Person person(JsonNode a, URI base) {
    if (a == null || !a.isObject()) {
      return null;
    }
    String name = plain(str(a, "name"));
    String url = resolve(base, str(a, "url"));
    String email = null;
    if (url != null && url.regionMatches(true, 0, "mailto:", 0, 7)) {
      email = url.substring("mailto:".length());
      int query = email.indexOf('?');
      email = query >= 0 ? email.substring(0, query) : email;
      url = null;
    }
    if (name == null && url == null && email == null) {
      return null;
    }
    return new Person(name, email, url);
  }

  private static String str(JsonNode node, String field) {
    if (node == null) {
      return null;
    }
    JsonNode v = node.get(field);
    if (v == null || !v.isValueNode() || v.isNull()) {
      return null;
    }
    String s = dropNonXmlChars(v.asText());
    return s.isBlank() ? null : s;
  }

  /** JSON strings may carry control characters that no XML output could ever republish. */
  private static String dropNonXmlChars(String s) {
    StringBuilder b = null;
    for (int i = 0; i < s.length(); ) {
      int cp = s.codePointAt(i);
      int n = Character.charCount(cp);
      boolean ok = XmlRepair.isXmlChar(cp) && !(cp >= 0xD800 && cp <= 0xDFFF);
      if (!ok && b == null) {
        b = new StringBuilder(s.length());
        b.append(s, 0, i);
      } else if (ok && b != null) {
        b.appendCodePoint(cp);
      }
      i += n;
    }
    return b == null ? s : b.toString();
  }

  private static String plain(String s) {
    return s == null ? null : s.strip();
  }

  private static String escapeText(String s) {
    return s == null ? null : MarkupWriter.escape(s.strip());
  }

  private static String resolve(URI base, String s) {
    return s == null ? null : UrlResolver.resolve(base, s);
  }

  private static <T> List<T> nullIfEmpty(List<T> list) {
    return list.isEmpty() ? null : List.copyOf(list);
  }

  private static String firstNonNull(String a, String b) {
    return a != null ? a : b;
  }
}
