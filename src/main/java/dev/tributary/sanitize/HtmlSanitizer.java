package dev.tributary.sanitize;

import java.net.URI;
import java.util.Locale;
import java.util.Set;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Attribute;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.safety.Cleaner;
import org.jsoup.safety.Safelist;

/**
 * Turns untrusted HTML from feeds into HTML that is safe to show and republish: an explicit
 * allow-list of elements and attributes (no script, frames, objects, embeds, forms, meta, link or
 * style elements, no event handlers), URL attributes resolved against a base and limited to
 * harmless schemes, and inline CSS reduced to a safe subset. Pure and thread-safe.
 */
public final class HtmlSanitizer {
  /**
   * The acceptable elements of the Universal Feed Parser / html5lib sanitizer (the list feed
   * readers have shared for two decades), less the form controls our contract forbids (form,
   * input, button, select, textarea), plus the WHATWG phrasing elements that list predates
   * (mark, wbr, bdi, bdo, summary, main). Table parts and noscript keep their element even where
   * an HTML5 parser would drop or re-read it (see {@link HtmlPrep}).
   */
  private static final String[] ELEMENTS = {
    "a", "abbr", "acronym", "address", "area", "article", "aside", "audio", "b", "big",
    "blockquote", "br", "canvas", "caption", "center", "cite", "code", "col", "colgroup", "command",
    "datagrid", "datalist", "dd", "del", "details", "dfn", "dialog", "dir", "div", "dl", "dt", "em",
    "event-source", "fieldset", "figcaption", "figure", "font", "footer", "h1", "h2", "h3", "h4",
    "h5", "h6", "header", "hr", "i", "img", "ins", "kbd", "keygen", "label", "legend", "li", "m",
    "map", "menu", "meter", "multicol", "nav", "nextid", HtmlPrep.NOSCRIPT_PLACEHOLDER, "ol", "optgroup", "option",
    "output", "p", "pre", "progress", "q", "rp", "rt", "ruby", "s", "samp", "section", "small",
    "sound", "source", "spacer", "span", "strike", "strong", "sub", "sup", "table", "tbody", "td",
    "tfoot", "th", "thead", "time", "tr", "tt", "u", "ul", "var", "video",
    "mark", "wbr", "bdi", "bdo", "summary", "main"
  };

  /** The Universal Feed Parser / html5lib acceptable attributes (event handlers never are). */
  private static final String[] ATTRIBUTES = {
    "abbr", "accept", "accept-charset", "accesskey", "action", "align", "alt", "autocomplete",
    "autofocus", "axis", "background", "balance", "bgcolor", "bgproperties", "border", "bordercolor",
    "bordercolordark", "bordercolorlight", "bottompadding", "cellpadding", "cellspacing", "ch",
    "challenge", "char", "charoff", "charset", "checked", "choff", "cite", "class", "clear", "color",
    "cols", "colspan", "compact", "contenteditable", "controls", "coords", "data", "datafld",
    "datapagesize", "datasrc", "datetime", "default", "delay", "dir", "disabled", "draggable",
    "dynsrc", "enctype", "end", "face", "for", "form", "frame", "galleryimg", "gutter", "headers",
    "height", "hidden", "hidefocus", "high", "href", "hreflang", "hspace", "icon", "id", "inputmode",
    "ismap", "keytype", "label", "lang", "leftspacing", "list", "longdesc", "loop", "loopcount",
    "loopend", "loopstart", "low", "lowsrc", "max", "maxlength", "media", "method", "min",
    "multiple", "name", "nohref", "noshade", "nowrap", "open", "optimum", "pattern", "ping",
    "point-size", "poster", "pqg", "preload", "prompt", "radiogroup", "readonly", "rel",
    "repeat-max", "repeat-min", "replace", "required", "rev", "rightspacing", "rows", "rowspan",
    "rules", "scope", "selected", "shape", "size", "span", "src", "start", "step", "style",
    "summary", "suppress", "tabindex", "target", "template", "title", "toppadding", "type",
    "unselectable", "urn", "usemap", "valign", "value", "variable", "volume", "vrml", "vspace",
    "width", "wrap", "xml:lang"
  };

  /**
   * SVG Tiny as the same published list has it, for figures: shapes, text, fonts and
   * presentation. Left out are the elements and attributes that animate other attributes
   * (animate*, set, mpath, attributeName, to, values, ...), pull in other documents (use, image,
   * foreignObject, feImage) or script.
   */
  private static final String[] SVG_ELEMENTS = {
    "svg", "g", "defs", "desc", "title", "metadata", "circle", "ellipse", "line", "path", "polygon",
    "polyline", "rect", "text", "tspan", "textPath", "linearGradient", "radialGradient", "stop",
    "marker", "symbol", "clipPath", "mask", "pattern", "switch", "font-face", "font-face-name",
    "font-face-src", "glyph", "missing-glyph", "hkern"
  };
  private static final String[] SVG_ATTRIBUTES = {
    "xmlns", "xmlns:xlink", "xlink:href", "xlink:title", "xlink:type", "xlink:show", "xlink:role",
    "xlink:arcrole", "xml:lang", "xml:space", "baseProfile", "version", "viewBox",
    "preserveAspectRatio", "zoomAndPan", "x", "y", "x1", "y1", "x2", "y2", "cx", "cy", "r", "rx",
    "ry", "fx", "fy", "d", "points", "transform", "fill", "fill-opacity", "fill-rule", "stroke",
    "stroke-width", "stroke-opacity", "stroke-linecap", "stroke-linejoin", "stroke-dasharray",
    "stroke-dashoffset", "stroke-miterlimit", "opacity", "offset", "stop-color", "stop-opacity",
    "gradientUnits", "gradientTransform", "font-family", "font-size", "font-style", "font-weight",
    "font-stretch", "font-variant", "text-anchor", "dx", "dy", "rotate", "markerWidth",
    "markerHeight", "markerUnits", "marker-start", "marker-mid", "marker-end", "refX", "refY",
    "orient", "pathLength", "clip-path", "clip-rule", "mask", "visibility", "display", "class",
    "id", "lang", "width", "height", "color", "color-rendering", "systemLanguage",
    "requiredExtensions", "requiredFeatures", "accent-height", "alphabetic", "arabic-form",
    "ascent", "bbox", "cap-height", "descent", "g1", "g2", "glyph-name", "hanging", "horiz-adv-x",
    "horiz-origin-x", "ideographic", "k", "mathematical", "overline-position",
    "overline-thickness", "panose-1", "slope", "stemh", "stemv", "strikethrough-position",
    "strikethrough-thickness", "u1", "u2", "underline-position", "underline-thickness", "unicode",
    "unicode-range", "units-per-em", "widths", "x-height"
  };
  private static final String[] MATHML_ELEMENTS = {
    "math", "mrow", "mi", "mn", "mo", "ms", "mtext", "mspace", "msub", "msup", "msubsup", "munder",
    "mover", "munderover", "mfrac", "msqrt", "mroot", "mstyle", "merror", "mpadded", "mphantom",
    "mfenced", "menclose", "mtable", "mtr", "mtd", "mlabeledtr", "mmultiscripts", "mprescripts",
    "none", "semantics", "annotation", "annotation-xml", "maction", "maligngroup", "malignmark",
    "mglyph", "mlongdiv", "mscarries", "mscarry", "msgroup", "msline", "msrow", "mstack"
  };
  private static final String[] MATHML_ATTRIBUTES = {
    "xmlns", "xmlns:xlink", "xlink:href", "xlink:type", "xlink:show", "accent", "accentunder",
    "actiontype", "align", "alignmentscope", "altimg", "altimg-height", "altimg-valign",
    "altimg-width", "alttext", "bevelled", "charalign", "close", "columnalign", "columnlines",
    "columnspacing", "columnspan", "columnwidth", "crossout", "decimalpoint", "denomalign", "depth",
    "dir", "display", "displaystyle", "edge", "encoding", "equalcolumns", "equalrows", "fence",
    "fontstyle", "fontweight", "form", "frame", "framespacing", "groupalign", "height", "id",
    "indentalign", "indentalignfirst", "indentalignlast", "indentshift", "indentshiftfirst",
    "indentshiftlast", "indenttarget", "infixlinebreakstyle", "largeop", "length", "linebreak",
    "linebreakmultchar", "linebreakstyle", "lineleading", "linethickness", "location",
    "longdivstyle", "lquote", "lspace", "mathbackground", "mathcolor", "mathsize", "mathvariant",
    "maxsize", "minlabelspacing", "minsize", "movablelimits", "notation", "numalign", "open",
    "other", "overflow", "position", "rowalign", "rowlines", "rowspacing", "rowspan", "rquote",
    "rspace", "scriptlevel", "scriptminsize", "scriptsizemultiplier", "selection", "separator",
    "separators", "shift", "side", "stackalign", "stretchy", "subscriptshift", "superscriptshift",
    "symmetric", "voffset", "width"
  };

  /** Attributes whose value is a URL: resolved, and dropped unless it is http(s) ({@link SafeUrl}). */
  private static final Set<String> URL_ATTRIBUTES = Set.of(
      "href", "src", "cite", "action", "background", "dynsrc", "lowsrc", "longdesc", "usemap",
      "poster", "icon", "datasrc", "data", "ping", "xlink:href", "altimg");

  private static final Safelist SAFELIST = buildSafelist();
  private static final int MAX_INPUT = 2_000_000;

  private static Safelist buildSafelist() {
    Safelist safelist = Safelist.none().addTags(ELEMENTS).addAttributes(":all", ATTRIBUTES);
    safelist.addTags(SVG_ELEMENTS).addTags(MATHML_ELEMENTS);
    for (String tag : SVG_ELEMENTS) {
      safelist.addAttributes(tag, SVG_ATTRIBUTES);
    }
    for (String tag : MATHML_ELEMENTS) {
      safelist.addAttributes(tag, MATHML_ATTRIBUTES);
    }
    // links inside SVG/MathML figures
    safelist.addAttributes("a", "xlink:href", "xlink:type", "xlink:show", "xlink:title", "xmlns:xlink");
    // URL attributes are checked by our own pass (scheme allow-list after resolution), so
    // jsoup must keep relative values for us to resolve.
    safelist.preserveRelativeLinks(true);
    return safelist;
  }

  /** Sanitizes an HTML fragment; relative URLs resolve against {@code base} (may be null). */
  public String sanitize(String html, URI base) {
    if (html == null) {
      return null;
    }
    if (html.isEmpty()) {
      return "";
    }
    String input = HtmlPrep.prepare(html.length() > MAX_INPUT ? html.substring(0, MAX_INPUT) : html);
    String baseUri = base == null ? "" : base.toString();
    Document dirty = Jsoup.parseBodyFragment(input, baseUri);
    HtmlPrep.restoreLiteralTags(dirty, false);
    Document clean = new Cleaner(SAFELIST).clean(dirty);
    HtmlPrep.restoreLiteralTags(clean, true);
    for (Element el : clean.body().getAllElements()) {
      fixAttributes(el, base);
      declareNamespaces(el);
    }
    clean.outputSettings().prettyPrint(false);
    return clean.body().html();
  }

  /** Inline SVG/MathML lifted out of an XML document loses its namespace declarations; restore them. */
  private static void declareNamespaces(Element el) {
    String name = el.normalName();
    if (name.equals("svg") && !el.hasAttr("xmlns")) {
      el.attr("xmlns", "http://www.w3.org/2000/svg");
    } else if (name.equals("math") && !el.hasAttr("xmlns")) {
      el.attr("xmlns", "http://www.w3.org/1998/Math/MathML");
    }
    for (Attribute attr : el.attributes()) {
      if (attr.getKey().startsWith("xlink:")) {
        if (!el.hasAttr("xmlns:xlink")) {
          el.attr("xmlns:xlink", "http://www.w3.org/1999/xlink");
        }
        break;
      }
    }
  }

  private static void fixAttributes(Element el, URI base) {
    for (Attribute attr : el.attributes().asList()) {
      String key = attr.getKey().toLowerCase(Locale.ROOT);
      if (key.startsWith("on")) {
        el.removeAttr(attr.getKey());
      } else if (key.equals("style")) {
        String css = CssFilter.filter(attr.getValue());
        if (css.isEmpty()) {
          el.removeAttr(attr.getKey());
        } else {
          el.attr(attr.getKey(), css);
        }
      } else if (URL_ATTRIBUTES.contains(key)) {
        String url = safeUrl(attr.getValue(), base);
        if (url == null) {
          el.removeAttr(attr.getKey());
        } else {
          el.attr(attr.getKey(), url);
        }
      }
    }
  }

  /**
   * The URL resolved against the base when it is http(s) ({@link SafeUrl}), else null. Relative
   * values with character references left in them ("&amp;#106;avascript:") or backslashes are
   * refused outright: they only appear in values crafted to read differently to different parsers.
   */
  static String safeUrl(String raw, URI base) {
    String value = raw.strip();
    if (value.isEmpty()) {
      return value;
    }
    String absolute = SafeUrl.http(value);
    if (absolute != null) {
      return absolute;
    }
    if (value.contains("&#") || value.contains("\\")) {
      return null;
    }
    return SafeUrl.resolve(base, value);
  }
}
