package dev.tributary.sanitize;

import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Keeps only a conservative subset of inline CSS: known-harmless properties, and the box
 * shorthands only when every value is a keyword, a colour or a length. Anything that could load a
 * resource or run code (url(), expression(), behaviours, escapes) makes the whole style go.
 */
final class CssFilter {
  private static final Set<String> PROPERTIES = Set.of(
      "azimuth", "background-color", "border-bottom-color", "border-collapse", "border-color",
      "border-left-color", "border-right-color", "border-top-color", "clear", "color", "cursor",
      "direction", "display", "elevation", "float", "font", "font-family", "font-size",
      "font-style", "font-variant", "font-weight", "height", "letter-spacing", "line-height",
      "overflow", "pause", "pause-after", "pause-before", "pitch", "pitch-range", "richness",
      "speak", "speak-header", "speak-numeral", "speak-punctuation", "speech-rate", "stress",
      "text-align", "text-decoration", "text-indent", "unicode-bidi", "vertical-align",
      "voice-family", "volume", "white-space", "width");
  private static final Set<String> SHORTHAND_PREFIXES = Set.of("background", "border", "margin", "padding");
  private static final Set<String> KEYWORDS = Set.of(
      "aqua", "auto", "black", "block", "blue", "bold", "both", "bottom", "brown", "center",
      "collapse", "dashed", "dotted", "fuchsia", "gray", "green", "!important", "italic", "left",
      "lime", "maroon", "medium", "none", "navy", "normal", "nowrap", "olive", "pointer", "purple",
      "red", "right", "solid", "silver", "teal", "top", "transparent", "underline", "white", "yellow");
  private static final Pattern VALUE = Pattern.compile(
      "^(#[0-9a-fA-F]+|rgb\\(\\d+%?,\\d*%?,?\\d*%?\\)?|\\d{0,2}\\.?\\d{0,2}(cm|em|ex|in|mm|pc|pt|px|%|,|\\))?)$");
  private static final Pattern URL = Pattern.compile("url\\s*\\(\\s*[^\\s)]+?\\s*\\)\\s*", Pattern.CASE_INSENSITIVE);
  private static final Pattern ALLOWED_CHARS = Pattern.compile("^[:,;#%.\\sa-zA-Z0-9!'\"()\\-_]*$");
  private static final Pattern DECL = Pattern.compile("([-\\w]+)\\s*:\\s*([^:;]*)");
  private static final int MAX_LENGTH = 4096;

  private CssFilter() {}

  /** The safe part of a style attribute, or "" when nothing (or nothing trustworthy) is left. */
  static String filter(String style) {
    if (style == null || style.length() > MAX_LENGTH) {
      return "";
    }
    String s = URL.matcher(style).replaceAll(" ");
    String lower = s.toLowerCase(Locale.ROOT);
    if (!ALLOWED_CHARS.matcher(s).matches() || lower.contains("expression") || lower.contains("behavior")
        || lower.contains("javascript") || lower.contains("-moz-binding")) {
      return "";
    }
    if (!DECL.matcher(s).replaceAll("").replace(";", "").isBlank()) {
      return "";
    }
    StringBuilder out = new StringBuilder();
    Matcher m = DECL.matcher(s);
    while (m.find()) {
      String prop = m.group(1);
      String value = m.group(2);
      if (value.isBlank()) {
        continue;
      }
      String p = prop.toLowerCase(Locale.ROOT);
      boolean keep;
      if (PROPERTIES.contains(p)) {
        keep = true;
      } else if (SHORTHAND_PREFIXES.contains(p.split("-", 2)[0])) {
        keep = true;
        for (String keyword : value.strip().split("\\s+")) {
          if (!KEYWORDS.contains(keyword) && !VALUE.matcher(keyword).matches()) {
            keep = false;
            break;
          }
        }
      } else {
        keep = false;
      }
      if (keep) {
        if (out.length() > 0) {
          out.append(' ');
        }
        out.append(prop).append(": ").append(value).append(';');
      }
    }
    return out.toString();
  }
}
