package dev.tributary.sanitize;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Resolves possibly sloppy relative references found in feeds. Feeds carry spaces and other
 * characters java.net.URI rejects, so resolution degrades gracefully instead of failing.
 */
public final class UrlResolver {
  private UrlResolver() {}

  /** {@code ref} resolved against {@code base}; the input unchanged when it cannot be resolved. */
  public static String resolve(URI base, String ref) {
    if (ref == null) {
      return null;
    }
    String r = ref.strip();
    if (base == null) {
      return r;
    }
    try {
      URI refUri = new URI(escapeIllegal(r));
      if (refUri.isAbsolute()) {
        return r;
      }
      if (r.isEmpty()) {
        return base.toString();
      }
      URI resolved = resolveAgainst(base, refUri);
      return resolved.toString();
    } catch (URISyntaxException | IllegalArgumentException e) {
      return r;
    }
  }

  /** Parses a base URI leniently; null when it is not usable as a base. */
  public static URI toUri(String value) {
    if (value == null || value.isBlank()) {
      return null;
    }
    try {
      return new URI(escapeIllegal(value.strip()));
    } catch (URISyntaxException e) {
      return null;
    }
  }

  private static URI resolveAgainst(URI base, URI ref) {
    // java.net.URI drops the base's path for an empty-path base ("http://host" + "x").
    if (base.isAbsolute() && (base.getRawPath() == null || base.getRawPath().isEmpty()) && base.getRawAuthority() != null) {
      base = base.resolve("/");
    }
    if (ref.getRawPath() != null && ref.getRawPath().isEmpty() && ref.getRawAuthority() == null
        && ref.getRawQuery() == null && ref.getRawFragment() != null) {
      // fragment-only reference: keep the base document (URI.resolve mishandles this)
      String b = base.toString();
      int hash = b.indexOf('#');
      return URI.create((hash >= 0 ? b.substring(0, hash) : b) + "#" + ref.getRawFragment());
    }
    URI resolved = base.resolve(ref);
    String path = resolved.getRawPath();
    if (path != null && path.startsWith("/..")) {
      String fixed = path.replaceAll("^(/\\.\\.)+", "");
      resolved = URI.create(resolved.toString().replaceFirst(
          Pattern.quote(path), Matcher.quoteReplacement(fixed.isEmpty() ? "/" : fixed)));
    }
    return resolved;
  }

  private static String escapeIllegal(String s) {
    StringBuilder b = new StringBuilder(s.length());
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (c == ' ') {
        b.append("%20");
      } else if (c == '"' || c == '<' || c == '>' || c == '\\' || c == '^' || c == '`' || c == '{'
          || c == '|' || c == '}' || c < 0x20) {
        b.append(String.format("%%%02X", (int) c));
      } else {
        b.append(c);
      }
    }
    return b.toString();
  }
}
