package dev.tributary.parse;

import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeMap;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Attribute;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Node;
import org.jsoup.nodes.TextNode;

/** HTML comparison by normalized tree, and the safety property sanitized HTML must have. */
final class HtmlCompare {
  private static final Set<String> FORBIDDEN_ELEMENTS = Set.of(
      "script", "iframe", "frame", "frameset", "object", "embed", "applet", "form", "input",
      "button", "select", "textarea", "meta", "link", "style", "base", "param", "animate", "set",
      "use", "foreignobject", "image", "handler", "listener");
  private static final Set<String> URL_ATTRIBUTES = Set.of(
      "href", "src", "action", "formaction", "background", "dynsrc", "lowsrc", "longdesc", "cite",
      "poster", "data", "usemap", "icon", "xlink:href");

  private HtmlCompare() {}

  static String normalize(String html) {
    if (html == null) {
      return null;
    }
    Element body = Jsoup.parseBodyFragment(html).body();
    StringBuilder b = new StringBuilder();
    write(body.childNodes(), b);
    return b.toString().replaceAll("\\s+", " ").strip();
  }

  private static void write(List<Node> nodes, StringBuilder b) {
    for (Node n : nodes) {
      if (n instanceof TextNode t) {
        b.append(t.text());
      } else if (n instanceof Element e) {
        b.append('<').append(e.tagName().toLowerCase(Locale.ROOT));
        TreeMap<String, String> attrs = new TreeMap<>();
        for (Attribute a : e.attributes()) {
          String v = a.getValue().strip();
          if (a.getKey().equalsIgnoreCase("style")) {
            v = v.replaceAll("\\s+", " ").replaceAll(";\\s*$", "");
          }
          attrs.put(a.getKey().toLowerCase(Locale.ROOT), v);
        }
        attrs.forEach((k, v) -> b.append(' ').append(k).append("=\"").append(v).append('"'));
        b.append('>');
        write(e.childNodes(), b);
        b.append("</").append(e.tagName().toLowerCase(Locale.ROOT)).append('>');
      }
    }
  }

  /** Null when the HTML is safe, else what is wrong with it. */
  static String unsafe(String html) {
    if (html == null) {
      return null;
    }
    for (Element e : Jsoup.parseBodyFragment(html).body().getAllElements()) {
      String tag = e.tagName().toLowerCase(Locale.ROOT);
      if (FORBIDDEN_ELEMENTS.contains(tag)) {
        return "element <" + tag + ">";
      }
      for (Attribute a : e.attributes()) {
        String key = a.getKey().toLowerCase(Locale.ROOT);
        String value = a.getValue().replaceAll("[\\x00-\\x20]+", "").toLowerCase(Locale.ROOT);
        if (key.startsWith("on")) {
          return "event handler " + key;
        }
        if (URL_ATTRIBUTES.contains(key)
            && (value.startsWith("javascript:") || value.startsWith("vbscript:") || value.startsWith("data:")
                || value.startsWith("livescript:"))) {
          return "script URL in " + key;
        }
        if (key.equals("style") && (value.contains("expression") || value.contains("url(")
            || value.contains("javascript") || value.contains("behavior") || value.contains("binding"))) {
          return "dangerous CSS " + a.getValue();
        }
      }
    }
    return null;
  }
}
