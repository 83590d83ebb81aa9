package dev.tributary.ingest;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * The form of a link used to recognise the same article across sources: scheme and host lower
 * case, default port, fragment and tracking parameters dropped. Path and other parameters are
 * kept as they are, since they may select the article.
 */
public final class CanonicalUrl {
  private static final Set<String> TRACKING = Set.of(
      "fbclid", "gclid", "dclid", "gclsrc", "msclkid", "yclid", "twclid", "igshid", "mc_cid", "mc_eid",
      "_ga", "_gl", "_hsenc", "_hsmi", "mkt_tok", "oly_anon_id", "oly_enc_id", "vero_id", "wickedid",
      "ref_src", "ref_url", "cmpid", "s_cid", "spm");

  private CanonicalUrl() {}

  /** The canonical form, or empty when {@code url} is not an absolute http(s) URL. */
  public static Optional<String> of(String url) {
    if (url == null || url.isBlank()) {
      return Optional.empty();
    }
    URI uri;
    try {
      uri = new URI(url.trim());
    } catch (URISyntaxException e) {
      return Optional.empty();
    }
    String scheme = uri.getScheme() == null ? null : uri.getScheme().toLowerCase(Locale.ROOT);
    if (!"http".equals(scheme) && !"https".equals(scheme) || uri.getRawAuthority() == null || uri.getHost() == null) {
      return Optional.empty();
    }
    String host = uri.getHost().toLowerCase(Locale.ROOT);
    if (host.endsWith(".")) {
      host = host.substring(0, host.length() - 1);
    }
    int port = uri.getPort();
    boolean defaultPort = port == -1 || ("http".equals(scheme) && port == 80) || ("https".equals(scheme) && port == 443);
    String path = uri.getRawPath() == null || uri.getRawPath().isEmpty() ? "/" : uri.getRawPath();
    StringBuilder out = new StringBuilder(scheme).append("://");
    if (uri.getRawUserInfo() != null) {
      out.append(uri.getRawUserInfo()).append('@');
    }
    out.append(host);
    if (!defaultPort) {
      out.append(':').append(port);
    }
    out.append(path);
    String query = cleanQuery(uri.getRawQuery());
    if (!query.isEmpty()) {
      out.append('?').append(query);
    }
    return Optional.of(out.toString());
  }

  /**
   * The key two links are compared by: the canonical form without its scheme, since news sites
   * serve the same article over http and https.
   */
  public static Optional<String> identityKey(String url) {
    return of(url).map(c -> c.substring(c.indexOf("://") + 3));
  }

  /**
   * Whether two links name the same article: the same identity key, and fragments that agree.
   * Fragments are dropped from the key because they usually point into a page (#top, #comments),
   * but a page carrying several items names each by its fragment (#a1, #a2: distinct items). So
   * two different fragments never match; a link without one matches any fragment of its page.
   */
  public static boolean sameArticle(String a, String b) {
    Optional<String> ka = identityKey(a);
    if (ka.isEmpty() || !ka.equals(identityKey(b))) {
      return false;
    }
    String fa = fragment(a);
    String fb = fragment(b);
    return fa.isEmpty() || fb.isEmpty() || fa.equals(fb);
  }

  /** The link's fragment without '#', empty when it has none. */
  static String fragment(String url) {
    if (url == null) {
      return "";
    }
    int hash = url.indexOf('#');
    return hash < 0 ? "" : url.substring(hash + 1).strip();
  }

  private static String cleanQuery(String rawQuery) {
    if (rawQuery == null || rawQuery.isEmpty()) {
      return "";
    }
    List<String> kept = new ArrayList<>();
    for (String part : rawQuery.split("&")) {
      if (part.isEmpty()) {
        continue;
      }
      int eq = part.indexOf('=');
      String name = (eq < 0 ? part : part.substring(0, eq)).toLowerCase(Locale.ROOT);
      if (!name.startsWith("utm_") && !TRACKING.contains(name)) {
        kept.add(part);
      }
    }
    return String.join("&", kept);
  }
}
