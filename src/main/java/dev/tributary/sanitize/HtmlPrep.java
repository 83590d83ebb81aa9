package dev.tributary.sanitize;

import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Brings feed HTML, which is often XHTML-flavoured, in line with how an HTML5 parser will read it,
 * so that nothing the author meant as text disappears into a raw-text element or a comment:
 * self-closed non-void elements are closed explicitly, {@code </br>} is dropped, comments are
 * removed, and stray CDATA markers become text.
 */
final class HtmlPrep {
  private static final Pattern SELF_CLOSED = Pattern.compile("<([A-Za-z][\\w:-]{0,40})((?:\\s[^<>]*?)?)\\s*/>");
  private static final Pattern END_BR = Pattern.compile("</br\\s*>", Pattern.CASE_INSENSITIVE);
  private static final Pattern COMMENT = Pattern.compile("<!--[\\s\\S]*?-->");
  private static final Pattern DECLARATION = Pattern.compile("<!(?!--)");
  private static final Pattern RAW_TEXT_OPEN = Pattern.compile("<(?:iframe|noembed|noframes|noscript|xmp)(?=[\\s/>])", Pattern.CASE_INSENSITIVE);
  private static final Pattern RAW_TEXT_CLOSE = Pattern.compile("</(?:iframe|noembed|noframes|noscript|xmp)\\s*>", Pattern.CASE_INSENSITIVE);
  private static final Pattern BROKEN_COMMENT = Pattern.compile("<!--[^>]*>");
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
}
