package dev.tributary.parse;

import java.util.Locale;
import java.util.Map;
import java.util.Set;

/** Names elements by a canonical prefix for the modules we read, so mappers switch on one string. */
final class XmlKeys {
  private static final Map<String, String> CAMEL_CASE = Map.of(
      "pubdate", "pubDate", "lastbuilddate", "lastBuildDate", "managingeditor", "managingEditor",
      "webmaster", "webMaster", "ispermalink", "isPermaLink", "textinput", "textInput");

  private static final Set<String> DC_ELEMENTS = Set.of(
      "title", "creator", "subject", "description", "publisher", "contributor", "date", "type", "format",
      "identifier", "source", "language", "relation", "coverage", "rights");

  private XmlKeys() {}

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
      // DCMI terms restate the fifteen elements; feeds use either for the same thing
      return (DC_ELEMENTS.contains(local) ? "dc:" : "dcterms:") + local;
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
}
