package dev.tributary.parse;

import dev.tributary.model.Meta;
import dev.tributary.model.NormalizedFeed;
import dev.tributary.sanitize.HtmlSanitizer;
import dev.tributary.sanitize.UrlResolver;
import java.net.URI;
import java.util.ArrayDeque;
import org.jboss.logging.Logger;

/**
 * The feed parser: bytes + headers + URL to the normalized model, for RSS 0.90–2.0, RSS 1.0,
 * Atom 0.3/1.0 and JSON Feed 1.x. Documents are decoded (RFC 7303 charset rules, detection as a
 * last resort), repaired without ever expanding entities from a DTD, parsed strictly and, failing
 * that, leniently ({@code meta.bozo}). Nothing thrown inside escapes: it becomes
 * {@link ParseResult.NotAFeed}. Stateless and thread-safe.
 */
public final class StandardFeedParser implements FeedParser {
  private static final Logger LOG = Logger.getLogger(StandardFeedParser.class);
  /** Larger documents are refused rather than risking memory; no real feed comes close. */
  static final int MAX_BYTES = 32 * 1024 * 1024;

  private final XmlFeedMapper xmlMapper;
  private final JsonFeedMapper jsonMapper;

  public StandardFeedParser() {
    this(new HtmlSanitizer());
  }

  public StandardFeedParser(HtmlSanitizer sanitizer) {
    this.xmlMapper = new XmlFeedMapper(sanitizer);
    this.jsonMapper = new JsonFeedMapper(sanitizer);
  }

  @Override
  public ParseResult parse(FeedDocument document) {
    try {
      return parseOrFail(document);
    } catch (RuntimeException | StackOverflowError e) {
      // a bug of ours, not a property of the input: worth a warning, never a failed poll
      LOG.warnf(e, "parser failed on %s", document == null ? null : document.url());
      return new ParseResult.NotAFeed("unreadable document: " + e);
    }
  }

  private ParseResult parseOrFail(FeedDocument document) {
    if (document == null || document.body() == null || document.body().length == 0) {
      return new ParseResult.NotAFeed("empty document");
    }
    if (document.body().length > MAX_BYTES) {
      return new ParseResult.NotAFeed("document larger than " + MAX_BYTES + " bytes");
    }
    URI base = baseUri(document);
    DecodedText decoded = CharsetResolver.decode(document.body(), document.contentType());
    String text = decoded.text();
    String head = text.stripLeading();
    if (head.startsWith("{") || (CharsetResolver.mediaType(document.contentType()).contains("json") && !head.startsWith("<"))) {
      boolean jsonFeedType = CharsetResolver.mediaType(document.contentType()).equals("application/feed+json");
      return parseJson(text, base, decoded, jsonFeedType, ContentLanguage.first(document.contentLanguage()));
    }
    int firstMarkup = head.indexOf('<');
    if (firstMarkup < 0 || firstMarkup > 1024) {
      return new ParseResult.NotAFeed("not XML or JSON: no markup at the start of the document");
    }
    String prologProblem = null;
    if (head.length() != text.length() && head.startsWith("<?xml")) {
      // Blank lines before the declaration (a classic of PHP templates) make XML ill-formed.
      text = head;
      prologProblem = "white space before the XML declaration";
    }
    XmlRepair.Repaired repaired = XmlRepair.repair(text);
    XmlTreeBuilder.Result tree = XmlTreeBuilder.build(repaired.text(), base);
    XElement root = tree.root();
    if (root == null) {
      return new ParseResult.NotAFeed("no root element" + (tree.problem() == null ? "" : ": " + tree.problem()));
    }
    String version = FeedVersion.of(root, repaired.netscapeDoctype());
    if (version == null) {
      return new ParseResult.NotAFeed("root element <" + root.qname + "> is not RSS, RDF or Atom");
    }
    if (version.equals("atom03") && !root.ns.equals(Namespaces.ATOM03)) {
      // pre-standard Atom drafts used other namespaces for what is Atom 0.3
      adoptNamespace(root, root.ns, Namespaces.ATOM03);
    }
    ContentLanguage.applyAsDefault(root, ContentLanguage.first(document.contentLanguage()));
    String problem = first(tree.problem(), repaired.problem(), first(prologProblem, decoded.problem(), null));
    XmlFeedMapper.Mapped mapped = xmlMapper.map(root, version);
    Meta meta = new Meta(version, decoded.encoding(), problem != null, problem);
    return new ParseResult.Parsed(PublisherLinks.apply(new NormalizedFeed(meta, mapped.feed(), mapped.entries())));
  }

  private ParseResult parseJson(String text, URI base, DecodedText decoded, boolean jsonFeedType, String language) {
    try {
      JsonFeedMapper.Mapped mapped = jsonMapper.map(text, base, jsonFeedType, language);
      String problem = decoded.problem();
      Meta meta = new Meta(mapped.version(), decoded.encoding(), problem != null, problem);
      return new ParseResult.Parsed(PublisherLinks.apply(new NormalizedFeed(meta, mapped.feed(), mapped.entries())));
    } catch (JsonFeedMapper.NotJsonFeed e) {
      return new ParseResult.NotAFeed(e.getMessage());
    }
  }

  /** Content-Location (when it is a harmless http(s) URL) takes precedence over the request URL. */
  private static URI baseUri(FeedDocument document) {
    URI url = document.url();
    if (document.contentLocation() != null && !document.contentLocation().isBlank()) {
      URI location = UrlResolver.toUri(UrlResolver.resolve(url, document.contentLocation()));
      if (location != null && location.isAbsolute() && XmlTreeBuilder.isSafeBase(location)) {
        return location;
      }
    }
    return url;
  }

  private static void adoptNamespace(XElement el, String from, String to) {
    ArrayDeque<XElement> todo = new ArrayDeque<>();
    todo.push(el);
    while (!todo.isEmpty()) {
      XElement e = todo.pop();
      if (e.ns.equals(from)) {
        e.ns = to;
      }
      e.elements().forEach(todo::push);
    }
  }

  private static String first(String a, String b, String c) {
    return a != null ? a : b != null ? b : c;
  }
}
