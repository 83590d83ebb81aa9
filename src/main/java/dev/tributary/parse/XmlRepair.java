package dev.tributary.parse;

import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jsoup.nodes.Entities;

/**
 * Makes feed text safe and, where possible, well-formed before any XML parser sees it: the DOCTYPE
 * is removed (so no external entity or entity expansion can ever happen), simple internal
 * entities it declared are substituted once, HTML named entities become characters, bare
 * ampersands are escaped and characters XML forbids are dropped.
 */
final class XmlRepair {
  record Repaired(String text, boolean netscapeDoctype, String problem) {}

  private static final Pattern ENTITY_DECL = Pattern.compile(
      "<!ENTITY\\s+([A-Za-z_][\\w.\\-]{0,60})\\s+(['\"])([^'\"&%<]{0,1000})\\2\\s*>");
  private static final Pattern AMP = Pattern.compile("&(?:(#[0-9]{1,8}|#[xX][0-9a-fA-F]{1,8})|([A-Za-z][A-Za-z0-9._\\-]{0,40}));|&");
  private static final int MAX_DECLARED = 100;

  private XmlRepair() {}

  static Repaired repair(String input) {
    String problem = null;
    String text = input;
    boolean netscape = false;
    Map<String, String> declared = new HashMap<>();

    int doctype = indexOfDoctype(text);
    if (doctype >= 0) {
      int end = endOfDoctype(text, doctype);
      String decl = text.substring(doctype, end);
      netscape = decl.toLowerCase(Locale.ROOT).contains("netscape");
      Matcher m = ENTITY_DECL.matcher(decl);
      while (m.find() && declared.size() < MAX_DECLARED) {
        declared.put(m.group(1), m.group(3));
      }
      text = text.substring(0, doctype) + text.substring(end);
    }

    StringBuilder out = new StringBuilder(text.length() + 64);
    String[] problemHolder = {null};
    int pos = 0;
    while (pos < text.length()) {
      // Entities mean nothing inside CDATA sections and comments; copy those untouched.
      int cdata = text.indexOf("<![CDATA[", pos);
      int comment = text.indexOf("<!--", pos);
      int special = cdata < 0 ? comment : comment < 0 ? cdata : Math.min(cdata, comment);
      int segmentEnd = special < 0 ? text.length() : special;
      replaceEntities(text, pos, segmentEnd, declared, out, problemHolder);
      if (special < 0) {
        break;
      }
      String terminator = special == cdata ? "]]>" : "-->";
      int close = text.indexOf(terminator, special + 4);
      int specialEnd = close < 0 ? text.length() : close + 3;
      out.append(text, special, specialEnd);
      pos = specialEnd;
    }
    if (problemHolder[0] != null) {
      problem = problemHolder[0];
    }

    String cleaned = dropInvalidChars(out);
    if (cleaned.length() != out.length()) {
      problem = "characters not allowed in XML removed";
    }
    return new Repaired(cleaned, netscape, problem);
  }

  private static void replaceEntities(String text, int from, int to, Map<String, String> declared,
      StringBuilder out, String[] problem) {
    Matcher m = AMP.matcher(text);
    int last = from;
    // the pattern matches at every '&' (a bare one at worst): the next is found by indexOf, which
    // scans far faster than the matcher's search does through an alternation, and matched there
    for (int amp; (amp = text.indexOf('&', last)) >= 0 && amp < to; ) {
      m.region(amp, to).lookingAt();
      out.append(text, last, m.start());
      last = m.end();
      String numeric = m.group(1);
      String name = m.group(2);
      if (numeric != null) {
        int cp = codePoint(numeric);
        if (cp >= 0x80 && cp <= 0x9F) {
          out.append("&#").append((int) CharsetResolver.cp1252(cp)).append(';');
        } else if (validNumeric(numeric)) {
          out.append(m.group());
        } else {
          problem[0] = "invalid character reference &" + numeric + ";";
        }
      } else if (name != null) {
        if (isXmlEntity(name)) {
          out.append(m.group());
        } else if (declared.containsKey(name)) {
          out.append(escape(declared.get(name)));
        } else if (name.equals("lang") || name.equals("rang")) {
          // HTML 4 meaning (U+2329/U+232A), which feeds written against it intend
          out.append(name.equals("lang") ? "\u2329" : "\u232A");
        } else if (Entities.isNamedEntity(name)) {
          out.append(escape(Entities.getByName(name)));
        } else {
          out.append("&amp;").append(name).append(';');
          problem[0] = "undefined entity &" + name + ";";
        }
      } else {
        out.append("&amp;");
        problem[0] = "unescaped ampersand";
      }
    }
    out.append(text, last, to);
  }

  private static boolean isXmlEntity(String name) {
    return name.equals("amp") || name.equals("lt") || name.equals("gt") || name.equals("quot") || name.equals("apos");
  }

  private static int codePoint(String ref) {
    try {
      return ref.startsWith("#x") || ref.startsWith("#X")
          ? Integer.parseInt(ref.substring(2), 16) : Integer.parseInt(ref.substring(1));
    } catch (NumberFormatException e) {
      return -1;
    }
  }

  private static boolean validNumeric(String ref) {
    try {
      int cp = ref.startsWith("#x") || ref.startsWith("#X")
          ? Integer.parseInt(ref.substring(2), 16) : Integer.parseInt(ref.substring(1));
      return isXmlChar(cp);
    } catch (NumberFormatException e) {
      return false;
    }
  }

  private static String escape(String s) {
    return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
  }

  static boolean isXmlChar(int c) {
    return c == 0x9 || c == 0xA || c == 0xD || (c >= 0x20 && c <= 0xD7FF) || (c >= 0xE000 && c <= 0xFFFD)
        || (c >= 0x10000 && c <= 0x10FFFF);
  }

  private static String dropInvalidChars(CharSequence s) {
    StringBuilder b = new StringBuilder(s.length());
    for (int i = 0; i < s.length(); ) {
      int cp = Character.codePointAt(s, i);
      if (isXmlChar(cp) && !(cp >= 0xD800 && cp <= 0xDFFF)) {
        b.appendCodePoint(cp);
      }
      i += Character.charCount(cp);
    }
    return b.toString();
  }

  /** Start of a DOCTYPE in the prolog (before the first element), or -1. */
  private static int indexOfDoctype(String text) {
    int limit = firstElementStart(text);
    int idx = text.indexOf("<!DOCTYPE");
    if (idx < 0) {
      idx = indexOfIgnoreCase(text, "<!doctype", limit);
    }
    return idx >= 0 && idx <= limit ? idx : -1;
  }

  private static int indexOfIgnoreCase(String text, String what, int limit) {
    int max = Math.min(text.length() - what.length(), limit);
    for (int i = 0; i <= max; i++) {
      if (text.regionMatches(true, i, what, 0, what.length())) {
        return i;
      }
    }
    return -1;
  }

  private static int firstElementStart(String text) {
    int i = 0;
    while (true) {
      int lt = text.indexOf('<', i);
      if (lt < 0 || lt + 1 >= text.length()) {
        return text.length();
      }
      char c = text.charAt(lt + 1);
      if (c == '?') {
        int end = text.indexOf("?>", lt);
        i = end < 0 ? text.length() : end + 2;
      } else if (text.startsWith("<!--", lt)) {
        int end = text.indexOf("-->", lt);
        i = end < 0 ? text.length() : end + 3;
      } else if (c == '!') {
        return lt;
      } else {
        return lt;
      }
      if (i >= text.length()) {
        return text.length();
      }
    }
  }

  /** End (exclusive) of the DOCTYPE starting at {@code start}, skipping an internal subset and quoted strings. */
  private static int endOfDoctype(String text, int start) {
    boolean inSubset = false;
    char quote = 0;
    for (int i = start + 2; i < text.length(); i++) {
      char c = text.charAt(i);
      if (quote != 0) {
        if (c == quote) {
          quote = 0;
        }
      } else if (c == '"' || c == '\'') {
        quote = c;
      } else if (c == '[') {
        inSubset = true;
      } else if (c == ']') {
        inSubset = false;
      } else if (c == '>' && !inSubset) {
        return i + 1;
      }
    }
    return text.length();
  }
}
