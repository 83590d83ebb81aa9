package dev.tributary.parse;

import dev.tributary.sanitize.UrlResolver;
import java.io.IOException;
import java.io.StringReader;
import java.net.URI;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import javax.xml.XMLConstants;
import javax.xml.parsers.ParserConfigurationException;
import javax.xml.parsers.SAXParser;
import javax.xml.parsers.SAXParserFactory;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Attribute;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Node;
import org.jsoup.nodes.TextNode;
import org.jsoup.parser.Parser;
import org.xml.sax.Attributes;
import org.xml.sax.InputSource;
import org.xml.sax.SAXException;
import org.xml.sax.SAXParseException;
import org.xml.sax.helpers.DefaultHandler;

/**
 * Builds an {@link XElement} tree: first with a strict, hardened SAX parser (no DTDs, no external
 * anything), and when the document is not well-formed, with jsoup's forgiving XML parser, which
 * recovers whatever structure is readable.
 */
final class XmlTreeBuilder {
  static final String XML_NS = "http://www.w3.org/XML/1998/namespace";
  private static final int MAX_DEPTH = 200;

  /** Prefixes feeds commonly use without declaring them. */
  static final Map<String, String> KNOWN_PREFIXES = Map.ofEntries(
      Map.entry("dc", Namespaces.DC), Map.entry("dcterms", Namespaces.DCTERMS),
      Map.entry("content", Namespaces.CONTENT), Map.entry("rdf", Namespaces.RDF),
      Map.entry("atom", Namespaces.ATOM10), Map.entry("itunes", Namespaces.ITUNES),
      Map.entry("media", Namespaces.MEDIA), Map.entry("xhtml", Namespaces.XHTML),
      Map.entry("slash", "http://purl.org/rss/1.0/modules/slash/"),
      Map.entry("wfw", "http://wellformedweb.org/CommentAPI/"),
      Map.entry("georss", "http://www.georss.org/georss"),
      Map.entry("sy", "http://purl.org/rss/1.0/modules/syndication/"),
      Map.entry("admin", "http://webns.net/mvcb/"),
      Map.entry("xml", XML_NS));

  record Result(XElement root, String problem) {}

  private XmlTreeBuilder() {}

  static Result build(String text, URI base) {
    try {
      return new Result(strict(text, base), null);
    } catch (SAXException e) {
      String reason = e instanceof SAXParseException p
          ? "not well-formed (line " + p.getLineNumber() + "): " + p.getMessage()
          : "not well-formed: " + e.getMessage();
      return new Result(lenient(text, base), reason);
    }
  }

  private static XElement strict(String text, URI base) throws SAXException {
    StrictParser strict = STRICT.get();
    SAXParser parser = strict.take();
    try {
      TreeHandler handler = new TreeHandler(base);
      parser.parse(new InputSource(new StringReader(text)), handler);
      if (handler.root == null) {
        throw new SAXException("no root element");
      }
      return handler.root;
    } catch (IOException e) {
      throw new SAXException(e.getMessage(), e);
    } finally {
      parser.reset(); // back to the hardened configuration it was made with, whatever the parse did
    }
  }

  // Making a hardened parser (a factory found on the class path, each feature checked by building a
  // parser) cost more than parsing a small feed, and every feed made one. A thread keeps its own
  // (a SAX parser is not thread-safe) and makes a new one now and then: the old one's symbol table
  // holds every name the feeds it read used.
  private static final ThreadLocal<StrictParser> STRICT = ThreadLocal.withInitial(StrictParser::new);
  private static final int PARSES_PER_PARSER = 200;

  private static final class StrictParser {
    private SAXParser parser;
    private int uses;

    SAXParser take() throws SAXException {
      if (parser == null || uses == PARSES_PER_PARSER) {
        parser = hardened();
        uses = 0;
      }
      uses++;
      return parser;
    }
  }

  private static SAXParser hardened() throws SAXException {
    try {
      SAXParserFactory factory = SAXParserFactory.newInstance();
      factory.setNamespaceAware(true);
      factory.setValidating(false);
      factory.setFeature("http://xml.org/sax/features/namespace-prefixes", true);
      factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
      factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
      factory.setFeature("http://xml.org/sax/features/external-general-entities", false);
      factory.setFeature("http://xml.org/sax/features/external-parameter-entities", false);
      factory.setFeature("http://apache.org/xml/features/nonvalidating/load-external-dtd", false);
      return factory.newSAXParser();
    } catch (ParserConfigurationException e) {
      throw new SAXException(e.getMessage(), e);
    }
  }

  private static final class TreeHandler extends DefaultHandler {
    private final Deque<XElement> stack = new ArrayDeque<>();
    private final URI documentBase;
    private XElement root;
    private int skippedDepth;
    /** Text arrives in many small pieces (one per entity reference); join them once. */
    private final StringBuilder pending = new StringBuilder();

    private void flush() {
      XElement current = stack.peek();
      if (current != null && pending.length() > 0) {
        appendText(current, pending.toString());
      }
      pending.setLength(0);
    }

    TreeHandler(URI base) {
      this.documentBase = base;
    }

    @Override
    public void startElement(String uri, String localName, String qName, Attributes atts) {
      flush();
      if (stack.size() >= MAX_DEPTH || skippedDepth > 0) {
        skippedDepth++;
        return;
      }
      List<XElement.Attr> attrs = new ArrayList<>(atts.getLength());
      for (int i = 0; i < atts.getLength(); i++) {
        attrs.add(new XElement.Attr(atts.getURI(i), atts.getLocalName(i), atts.getQName(i), atts.getValue(i)));
      }
      XElement parent = stack.peek();
      XElement el = new XElement(uri, localName.isEmpty() ? qName : localName, qName, attrs, parent);
      inherit(el, parent, documentBase);
      if (parent == null) {
        root = el;
      } else {
        parent.children.add(el);
      }
      stack.push(el);
    }

    @Override
    public void endElement(String uri, String localName, String qName) {
      flush();
      if (skippedDepth > 0) {
        skippedDepth--;
        return;
      }
      stack.pop();
    }

    @Override
    public void characters(char[] ch, int start, int length) {
      if (!stack.isEmpty()) {
        pending.append(ch, start, length);
      }
    }
  }

  static void appendText(XElement el, String s) {
    int n = el.children.size();
    if (n > 0 && el.children.get(n - 1) instanceof String prev) {
      el.children.set(n - 1, prev + s);
    } else {
      el.children.add(s);
    }
  }

  private static void inherit(XElement el, XElement parent, URI documentBase) {
    URI parentBase = parent == null ? documentBase : parent.base;
    String xmlBase = el.attrNs(XML_NS, "base");
    if (xmlBase == null) {
      xmlBase = el.attr("xml:base");
    }
    el.base = parentBase;
    if (xmlBase != null) {
      URI resolved = UrlResolver.toUri(UrlResolver.resolve(parentBase, xmlBase));
      if (resolved != null && isSafeBase(resolved)) {
        el.base = resolved;
      }
    }
    String lang = el.attrNs(XML_NS, "lang");
    if (lang == null) {
      lang = el.attr("xml:lang");
    }
    el.lang = lang != null ? lang.strip() : parent == null ? null : parent.lang;
  }

  static boolean isSafeBase(URI uri) {
    String scheme = uri.getScheme();
    return scheme == null || scheme.equalsIgnoreCase("http") || scheme.equalsIgnoreCase("https")
        || scheme.equalsIgnoreCase("ftp");
  }

  private static XElement lenient(String text, URI base) {
    Document doc = Jsoup.parse(text, "", Parser.xmlParser());
    Element start = null;
    for (Element e : doc.children()) {
      start = e;
      break;
    }
    if (start == null) {
      return null;
    }
    Element feedRoot = findFeedRoot(doc);
    if (feedRoot != null) {
      start = feedRoot;
    }
    return convert(start, null, new HashMap<>(KNOWN_PREFIXES), base, 0);
  }

  private static Element findFeedRoot(Document doc) {
    int visited = 0;
    for (Element e : doc.getAllElements()) {
      if (++visited > 5000) {
        break;
      }
      String name = e.tagName().toLowerCase(Locale.ROOT);
      String local = name.contains(":") ? name.substring(name.indexOf(':') + 1) : name;
      if (local.equals("rss") || local.equals("feed") || local.equals("rdf") || local.equals("channel")) {
        return e;
      }
    }
    return null;
  }

  private static XElement convert(Element source, XElement parent, Map<String, String> inScope, URI documentBase, int depth) {
    Map<String, String> scope = inScope;
    for (Attribute a : source.attributes()) {
      String key = a.getKey();
      if (key.equals("xmlns") || key.startsWith("xmlns:")) {
        if (scope == inScope) {
          scope = new HashMap<>(inScope);
        }
        scope.put(key.equals("xmlns") ? "" : key.substring(6), a.getValue());
      }
    }
    List<XElement.Attr> attrs = new ArrayList<>();
    for (Attribute a : source.attributes()) {
      String key = a.getKey();
      int colon = key.indexOf(':');
      String ns = colon > 0 ? scope.getOrDefault(key.substring(0, colon), "") : "";
      attrs.add(new XElement.Attr(ns, colon > 0 ? key.substring(colon + 1) : key, key, a.getValue()));
    }
    String tag = source.tagName();
    int colon = tag.indexOf(':');
    String prefix = colon > 0 ? tag.substring(0, colon) : "";
    String ns = scope.getOrDefault(prefix, prefix.isEmpty() ? "" : "urn:undeclared:" + prefix);
    XElement el = new XElement(ns, colon > 0 ? tag.substring(colon + 1) : tag, tag, attrs, parent);
    inherit(el, parent, documentBase);
    for (Node child : source.childNodes()) {
      if (child instanceof TextNode t) {
        appendText(el, t.getWholeText());
      } else if (child instanceof Element e) {
        if (depth < MAX_DEPTH) {
          el.children.add(convert(e, el, scope, documentBase, depth + 1));
        } else {
          appendText(el, e.text());
        }
      }
    }
    return el;
  }
}
