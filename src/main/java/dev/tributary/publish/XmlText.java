package dev.tributary.publish;

import org.jdom2.Verifier;

/**
 * Makes any Java string safe to place in XML 1.0: code points XML forbids (controls, lone
 * surrogates, U+FFFE/U+FFFF) are dropped. JDOM refuses such text outright, so every string handed
 * to Rome passes through here first.
 */
final class XmlText {
  private XmlText() {}

  static String clean(String s) {
    if (s == null) {
      return "";
    }
    if (s.codePoints().allMatch(Verifier::isXMLCharacter)) {
      return s;
    }
    StringBuilder out = new StringBuilder(s.length());
    s.codePoints().filter(Verifier::isXMLCharacter).forEach(out::appendCodePoint);
    return out.toString();
  }

  /** Null stays null (Rome omits the element); anything else is cleaned. */
  static String orNull(String s) {
    return s == null ? null : clean(s);
  }
}
