package dev.tributary.parse;

import java.util.Locale;
import java.util.Set;

/** Serializes inline XML children back to markup, for xhtml content and markup embedded in RSS. */
final class MarkupWriter {
  private static final Set<String> VOID = Set.of(
      "area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "param", "source", "track", "wbr");

  private static final String SVG = "http://www.w3.org/2000/svg";
  private static final String MATHML = "http://www.w3.org/1998/Math/MathML";

  private MarkupWriter() {}

  /**
   * Inner markup of {@code el}. With {@code escapeText}, text is XML-escaped (xhtml content, whose
   * text the XML parser already unescaped); without it, text is taken as HTML source (escaped HTML).
   */
  static String inner(XElement el, boolean escapeText) {
    StringBuilder b = new StringBuilder();
    writeChildren(el, escapeText, b);
    return b.toString();
  }

  private static void writeChildren(XElement el, boolean escapeText, StringBuilder b) {
    for (Object c : el.children) {
      if (c instanceof String s) {
        b.append(escapeText ? escape(s) : s);
      } else {
        write((XElement) c, escapeText, b);
      }
    }
  }

  private static void write(XElement el, boolean escapeText, StringBuilder b) {
    String name = el.local;
    b.append('<').append(name);
    boolean foreign = el.ns.equals(SVG) || el.ns.equals(MATHML);
    for (XElement.Attr a : el.attrs) {
      if (a.qname().startsWith("xmlns") && !foreign) {
        continue;
      }
      // namespaced attributes (xml:lang, xlink:href) keep their prefix; xmlns declarations
      // survive only on SVG/MathML, which need them to mean anything
      String key = a.ns().equals(XmlTreeBuilder.XML_NS) ? "xml:" + a.local()
          : a.qname().startsWith("xmlns") || !a.ns().isEmpty() ? a.qname() : a.local();
      b.append(' ').append(key).append("=\"").append(escapeAttr(a.value())).append('"');
    }
    if (el.children.isEmpty() && VOID.contains(name.toLowerCase(Locale.ROOT))) {
      b.append(" />");
      return;
    }
    b.append('>');
    writeChildren(el, escapeText, b);
    b.append("</").append(name).append('>');
  }

  static String escape(String s) {
    return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
  }

  private static String escapeAttr(String s) {
    return escape(s).replace("\"", "&quot;");
  }
}
