package dev.tributary.web;

import dev.tributary.config.TributarySettings;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.net.URI;
import java.util.Locale;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The service's public root for self links, without a trailing slash: {@code tributary.public-url},
 * else {@code http://localhost:{port}}. Never read from request headers, so a cached feed is the
 * same bytes for every client and a forged Host cannot poison it.
 */
@ApplicationScoped
public class PublicUrl {
  private final String base;

  @Inject
  PublicUrl(TributarySettings settings, @ConfigProperty(name = "quarkus.http.port", defaultValue = "8080") int port) {
    this.base = normalize(settings.publicUrl().orElse("http://localhost:" + port));
  }

  static String normalize(String url) {
    String u = url.strip();
    URI parsed = URI.create(u);
    String scheme = parsed.getScheme() == null ? "" : parsed.getScheme().toLowerCase(Locale.ROOT);
    if (!(scheme.equals("http") || scheme.equals("https")) || parsed.getHost() == null) {
      throw new IllegalArgumentException("tributary.public-url must be an absolute http(s) URL, got '" + url + "'");
    }
    return u.endsWith("/") ? u.substring(0, u.length() - 1) : u;
  }

  public String base() {
    return base;
  }

  boolean isHttps() {
    return base.regionMatches(true, 0, "https:", 0, 6);
  }
}
