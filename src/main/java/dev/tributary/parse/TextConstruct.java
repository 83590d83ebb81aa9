package dev.tributary.parse;

import dev.tributary.sanitize.HtmlSanitizer;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jsoup.nodes.Entities;

/**
 * Reads an element that may hold text, escaped HTML, inline XHTML or base64, as Atom and the RSS
 * dialects use them, into a value: plain text stays text, anything that is markup comes out
 * sanitized with its URLs resolved against the element's xml:base.
 */
final class TextConstruct {
  static final String TEXT = "text/plain";
  static final String HTML = "text/html";
  static final String XHTML = "application/xhtml+xml";

  record Value(String value, String type) {}

  private static final Pattern CLOSE_TAG = Pattern.compile("</(\\w+)>");
  private static final Pattern ANY_ENTITY = Pattern.compile("&#?\\w+;");
  private static final Pattern TAG = Pattern.compile("</?(\\w+)");
  private static final Pattern NAMED_ENTITY = Pattern.compile("&(\\w+);");
  private static final Set<String> HTML_ELEMENTS = Set.of(
      "a", "abbr", "acronym", "address", "area", "article", "aside", "audio", "b", "big",
      "blockquote", "br", "button", "canvas", "caption", "center", "cite", "code", "col",
      "colgroup", "command", "datagrid", "datalist", "dd", "del", "details", "dfn", "dialog", "dir",
      "div", "dl", "dt", "em", "event-source", "fieldset", "figcaption", "figure", "font", "footer",
      "form", "h1", "h2", "h3", "h4", "h5", "h6", "header", "hr", "i", "img", "input", "ins", "kbd",
      "keygen", "label", "legend", "li", "m", "map", "menu", "meter", "multicol", "nav", "nextid",
      "noscript", "ol", "optgroup", "option", "output", "p", "pre", "progress", "q", "s", "samp",
      "section", "select", "small", "sound", "source", "spacer", "span", "strike", "strong", "sub",
      "sup", "table", "tbody", "td", "textarea", "tfoot", "th", "thead", "time", "tr", "tt", "u",
      "ul", "var", "video");

  private final HtmlSanitizer sanitizer;

  TextConstruct(HtmlSanitizer sanitizer) {
    this.sanitizer = sanitizer;
  }

  /**
   * @param defaultType the type when the element says nothing
   * @param guessHtml whether plain text that looks like HTML is treated as HTML (RSS, not Atom)
   */
  Value read(XElement el, String defaultType, boolean guessHtml) {
    String typeAttr = el.attr("type");
    String mode = el.attr("mode");
    String type = mapType(typeAttr, defaultType);
    String raw;
    boolean atom10 = el.ns.equals(Namespaces.ATOM10);
    if ("base64".equalsIgnoreCase(mode)
        || (atom10 && typeAttr != null && !isTextual(type))) {
      raw = decodeBase64(el.text());
      if (raw == null) {
        raw = el.text();
      }
      if (!isTextual(type)) {
        type = HTML;
      }
    } else if (type.equals(XHTML) || "xml".equalsIgnoreCase(mode) || type.endsWith("+xml") || type.endsWith("/xml")) {
      XElement container = el;
      if (atom10) {
        XElement div = singleXhtmlDiv(el);
        if (div != null) {
          container = div;
        }
      }
      raw = MarkupWriter.inner(container, true);
      if (!type.equals(TEXT)) {
        type = XHTML;
      }
    } else if (hasElementChildren(el)) {
      // Unescaped markup inside an element: keep it as the markup it is.
      XElement div = atom10 ? singleXhtmlDiv(el) : null;
      raw = MarkupWriter.inner(div != null ? div : el, false);
      if (type.equals(TEXT) && guessHtml) {
        type = HTML;
      }
    } else {
      raw = el.text();
    }
    if (type.equals(TEXT) && guessHtml && looksLikeHtml(raw)) {
      type = HTML;
    }
    if (type.equals(HTML) || type.equals(XHTML)) {
      String clean = sanitizer.sanitize(raw, el.base);
      return new Value(clean.strip(), type);
    }
    return new Value(raw.strip(), type);
  }

  /**
   * Plain text destined for a field that holds HTML. Text that is evidently HTML (labelled text by
   * a sloppy producer) is sanitized as HTML; anything else is escaped, so it can never smuggle
   * markup into a consumer that renders the field.
   */
  String asHtml(String text, XElement el) {
    if (text.indexOf('<') < 0 && text.indexOf('&') < 0) {
      return text;
    }
    return looksLikeHtml(text) ? sanitizer.sanitize(text, el.base).strip() : MarkupWriter.escape(text);
  }

  /** A field that holds plain text (or HTML where the producer sent HTML); blank becomes null. */
  String plainOrHtml(XElement el, boolean atom) {
    return XmlValues.emptyToNull(read(el, TEXT, !atom).value());
  }

  /** A field that holds HTML: plain text must not smuggle markup into it (see {@link #asHtml}). */
  String html(XElement el, boolean atom, String defaultType) {
    Value v = read(el, defaultType, !atom);
    return XmlValues.emptyToNull(v.type().equals(TEXT) ? asHtml(v.value(), el) : v.value());
  }

  private static XElement singleXhtmlDiv(XElement el) {
    XElement div = null;
    for (Object c : el.children) {
      if (c instanceof XElement e) {
        if (div != null || !e.local.equals("div")) {
          return null;
        }
        div = e;
      } else if (!((String) c).isBlank()) {
        return null;
      }
    }
    return div;
  }

  private static boolean hasElementChildren(XElement el) {
    for (Object c : el.children) {
      if (c instanceof XElement) {
        return true;
      }
    }
    return false;
  }

  private static boolean isTextual(String type) {
    return type.equals(TEXT) || type.equals(HTML) || type.equals(XHTML) || type.startsWith("text/")
        || type.endsWith("+xml") || type.endsWith("/xml");
  }

  static String mapType(String typeAttr, String defaultType) {
    if (typeAttr == null || typeAttr.isBlank()) {
      return defaultType;
    }
    String t = typeAttr.strip().toLowerCase(Locale.ROOT);
    return switch (t) {
      case "text", "text/plain" -> TEXT;
      case "html", "text/html" -> HTML;
      case "xhtml", "application/xhtml+xml" -> XHTML;
      default -> t;
    };
  }

  private static String decodeBase64(String text) {
    try {
      byte[] bytes = Base64.getMimeDecoder().decode(text.strip());
      return new String(bytes, StandardCharsets.UTF_8);
    } catch (IllegalArgumentException e) {
      return null;
    }
  }

  /** RSS leaves it to readers to guess whether a title is HTML; guess conservatively. */
  static boolean looksLikeHtml(String s) {
    if (!CLOSE_TAG.matcher(s).find() && !ANY_ENTITY.matcher(s).find()) {
      return false;
    }
    Matcher tags = TAG.matcher(s);
    while (tags.find()) {
      if (!HTML_ELEMENTS.contains(tags.group(1).toLowerCase(Locale.ROOT))) {
        return false;
      }
    }
    Matcher entities = NAMED_ENTITY.matcher(s);
    while (entities.find()) {
      if (!Entities.isNamedEntity(entities.group(1))) {
        return false;
      }
    }
    return true;
  }
}
