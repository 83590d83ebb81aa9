package dev.tributary.parse;

import java.util.Locale;

/** Names the format of a feed document from its root element, as {@code meta.version} reports it. */
final class FeedVersion {
  private FeedVersion() {}

  /** The version, "" for a recognisable but unversioned feed, or null when this is not a feed root. */
  static String of(XElement root, boolean netscapeDoctype) {
    String local = root.local.toLowerCase(Locale.ROOT);
    switch (local) {
      case "rss": {
        String v = root.attr("version");
        if (v == null) {
          return "";
        }
        v = v.strip();
        if (v.equals("0.91")) {
          return netscapeDoctype ? "rss091n" : "rss091u";
        }
        if (v.equals("0.90")) {
          return "rss090";
        }
        if (v.equals("0.92")) {
          return "rss092";
        }
        if (v.equals("0.93")) {
          return "rss093";
        }
        if (v.equals("0.94")) {
          return "rss094";
        }
        if (v.startsWith("2")) {
          return "rss20";
        }
        return "";
      }
      case "rdf": {
        for (XElement child : root.elements()) {
          if (child.ns.equals(Namespaces.RSS090)) {
            return "rss090";
          }
          if (child.ns.equals(Namespaces.RSS10)) {
            return "rss10";
          }
        }
        String defaultNs = root.attr("xmlns");
        if (Namespaces.RSS090.equals(defaultNs)) {
          return "rss090";
        }
        if (Namespaces.RSS10.equals(defaultNs)) {
          return "rss10";
        }
        return root.ns.equals(Namespaces.RDF) ? "" : null;
      }
      case "feed": {
        if (root.ns.equals(Namespaces.ATOM10)) {
          return "atom10";
        }
        String v = root.attr("version");
        if (root.ns.equals(Namespaces.ATOM03) || (v != null && v.strip().startsWith("0."))) {
          return "atom03";
        }
        return "";
      }
      case "channel":
        return "";
      case "entry":
        // a standalone Atom Entry Document: a feed of one
        return root.ns.equals(Namespaces.ATOM10) ? "atom10" : root.ns.equals(Namespaces.ATOM03) ? "atom03" : null;
      default:
        return null;
    }
  }
}
