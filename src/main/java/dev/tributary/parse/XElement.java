package dev.tributary.parse;

import java.net.URI;
import java.util.ArrayList;
import java.util.List;

/**
 * A namespace-resolved XML element, independent of the parser that produced it (strict SAX or the
 * lenient recovery parser). Children are {@code XElement}s or {@code String} text runs. The
 * effective {@code xml:base} and {@code xml:lang} are computed while building.
 */
final class XElement {
  record Attr(String ns, String local, String qname, String value) {}

  String ns;
  final String local;
  final String qname;
  final List<Attr> attrs;
  final List<Object> children = new ArrayList<>();
  final XElement parent;
  URI base;
  String lang;

  XElement(String ns, String local, String qname, List<Attr> attrs, XElement parent) {
    this.ns = ns == null ? "" : ns;
    this.local = local;
    this.qname = qname;
    this.attrs = attrs;
    this.parent = parent;
  }

  /** Attribute by local name in no namespace (or by qualified name). */
  String attr(String name) {
    for (Attr a : attrs) {
      if ((a.ns().isEmpty() && a.local().equals(name)) || a.qname().equals(name)) {
        return a.value();
      }
    }
    return null;
  }

  String attrNs(String ns, String local) {
    for (Attr a : attrs) {
      if (a.ns().equals(ns) && a.local().equals(local)) {
        return a.value();
      }
    }
    return null;
  }

  List<XElement> elements() {
    List<XElement> out = new ArrayList<>();
    for (Object c : children) {
      if (c instanceof XElement e) {
        out.add(e);
      }
    }
    return out;
  }

  /** Concatenated text of this element and its descendants. */
  String text() {
    StringBuilder b = new StringBuilder();
    appendText(b);
    return b.toString();
  }

  private void appendText(StringBuilder b) {
    for (Object c : children) {
      if (c instanceof String s) {
        b.append(s);
      } else {
        ((XElement) c).appendText(b);
      }
    }
  }
}
