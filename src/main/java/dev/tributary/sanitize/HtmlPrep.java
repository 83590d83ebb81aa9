package dev.tributary.sanitize;

import java.util.Locale;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Brings feed HTML, which is often XHTML-flavoured, in line with how an HTML5 parser will read it,
 * so that nothing the author meant as text disappears into a raw-text element or a comment:
 * self-closed non-void elements are closed explicitly, {@code </br>} is dropped, comments are
 * removed, and stray CDATA markers become text. Table parts are read as written: an HTML5
 * parser drops a {@code <caption>}, {@code <td>} or {@code <col>} that is not inside a table (and
 * feed fragments are rarely whole tables), so they travel under a placeholder name through
 * parsing and get their own name back before the safelist sees them. {@code noscript} keeps its
 * placeholder through the safelist (jsoup refuses to list it) and is named again afterwards: its
 * sanitized content is serialized with every {@code <} escaped, so it cannot end early.
 */
final class HtmlPrep {
  private static final Pattern SELF_CLOSED = Pattern.compile("<([A-Za-z][\\w:-]{0,40})((?:\\s[^<>]*?)?)\\s*/>");
  private static final Pattern END_BR = Pattern.compile("</br\\s*>", Pattern.CASE_INSENSITIVE);
  private static final Pattern COMMENT = Pattern.compile("<!--[\\s\\S]*?-->");
  private static final Pattern DECLARATION = Pattern.compile("<!(?!--)");
  private static final Pattern RAW_TEXT_OPEN = Pattern.compile("<(?:iframe|noembed|noframes|xmp)(?=[\\s/>])", Pattern.CASE_INSENSITIVE);
  private static final Pattern RAW_TEXT_CLOSE = Pattern.compile("</(?:iframe|noembed|noframes|xmp)\\s*>", Pattern.CASE_INSENSITIVE);
  private static final Pattern BROKEN_COMMENT = Pattern.compile("<!--[^>]*>");
  private static final String PLACEHOLDER = "x-literal-";
  static final String NOSCRIPT_PLACEHOLDER = PLACEHOLDER + "noscript";
  private static final Pattern TABLE_TAG = Pattern.compile(
      "<(/?)(table|caption|colgroup|thead|tbody|tfoot|tr|td|th|noscript)(?=[\\s/>])", Pattern.CASE_INSENSITIVE);
  /** {@code <col>} is void: written with or without a slash, it becomes an empty placeholder pair. */
  private static final Pattern COL_TAG = Pattern.compile("<col((?:\\s[^<>]*?)?)\\s*/?>", Pattern.CASE_INSENSITIVE);
  private static final Pattern COL_END = Pattern.compile("</col\\s*>", Pattern.CASE_INSENSITIVE);
  private static final Set<String> VOID = Set.of(
      "area", "base", "br", "col", "embed", "hr", "img", "input", "keygen", "link", "meta", "param",
      "source", "track", "wbr", "basefont", "bgsound", "frame", "spacer");

  private HtmlPrep() {}

  static String prepare(String html) {
    String s = html;
    if (s.indexOf('<') < 0) {
      return s;
    }
    s = COMMENT.matcher(s).replaceAll("");
    s = BROKEN_COMMENT.matcher(s).replaceAll("");
    s = s.replace("<![CDATA[", "&lt;![CDATA[");
    s = DECLARATION.matcher(s).replaceAll("&lt;!");
    // HTML5 reads these as raw text; feed authors mean their content as markup (still sanitized).
    s = RAW_TEXT_OPEN.matcher(s).replaceAll("<x-unwrapped");
    s = RAW_TEXT_CLOSE.matcher(s).replaceAll("</x-unwrapped>");
    s = END_BR.matcher(s).replaceAll("");
    s = COL_END.matcher(s).replaceAll("");
    s = COL_TAG.matcher(s).replaceAll("<" + PLACEHOLDER + "col$1></" + PLACEHOLDER + "col>");
    s = TABLE_TAG.matcher(s).replaceAll("<$1" + PLACEHOLDER + "$2");
    Matcher m = SELF_CLOSED.matcher(s);
    StringBuilder out = new StringBuilder(s.length() + 16);
    while (m.find()) {
      String tag = m.group(1);
      String replacement = VOID.contains(tag.toLowerCase(Locale.ROOT))
          ? m.group() : "<" + tag + m.group(2) + "></" + tag + ">";
      m.appendReplacement(out, Matcher.quoteReplacement(replacement));
    }
    m.appendTail(out);
    return out.toString();
  }

  /** Gives the elements renamed by {@link #prepare} their own names back, noscript only once {@code cleaned}. */
  static void restoreLiteralTags(Document doc, boolean cleaned) {
    for (Element el : doc.body().getAllElements()) {
      String name = el.normalName();
      if (name.startsWith(PLACEHOLDER) && name.equals(NOSCRIPT_PLACEHOLDER) == cleaned) {
        el.tagName(name.substring(PLACEHOLDER.length()).toLowerCase(Locale.ROOT));
      }
    }
  }
}
