package dev.tributary.web;

import dev.tributary.publish.ContentCoding;
import java.util.Locale;

/**
 * Picks the stored coding a client accepts (RFC 9110 12.5.3): brotli, then gzip, else identity.
 * A coding with {@code q=0} is refused; {@code *} stands for any coding not named.
 */
final class AcceptEncoding {
  private AcceptEncoding() {}

  static ContentCoding choose(String header, boolean brotliStored) {
    if (header == null || header.isEmpty()) {
      return ContentCoding.IDENTITY;
    }
    double br = -1;
    double gzip = -1;
    double any = -1;
    for (String part : header.split(",")) {
      int semi = part.indexOf(';');
      String name = (semi < 0 ? part : part.substring(0, semi)).trim().toLowerCase(Locale.ROOT);
      double q = semi < 0 ? 1 : quality(part.substring(semi + 1));
      switch (name) {
        case "br" -> br = q;
        case "gzip", "x-gzip" -> gzip = q;
        case "*" -> any = q;
        default -> { }
      }
    }
    br = br < 0 ? any : br;
    gzip = gzip < 0 ? any : gzip;
    if (brotliStored && br > 0 && br >= gzip) {
      return ContentCoding.BROTLI;
    }
    return gzip > 0 ? ContentCoding.GZIP : ContentCoding.IDENTITY;
  }

  private static double quality(String params) {
    for (String p : params.split(";")) {
      String t = p.trim();
      if (t.length() > 2 && (t.charAt(0) == 'q' || t.charAt(0) == 'Q') && t.charAt(1) == '=') {
        try {
          return Double.parseDouble(t.substring(2).trim());
        } catch (NumberFormatException e) {
          return 0; // an unreadable weight is not consent
        }
      }
    }
    return 1;
  }
}
