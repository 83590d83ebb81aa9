package dev.tributary.web;

import dev.tributary.sanitize.SafeText;
import dev.tributary.sanitize.SafeUrl;
import io.quarkus.qute.TemplateExtension;

/**
 * Publisher links and titles in pages go through the same rule as everywhere else:
 * {@code {r.url.httpUrl}} is the URL when it is http(s), else empty (so {@code #if} skips it);
 * {@code {s.title.safeTitle}} drops the hidden bidi and zero-width characters.
 */
@TemplateExtension
final class SafeLinkExtensions {
  private SafeLinkExtensions() {}

  static String httpUrl(String url) {
    return SafeUrl.httpOrEmpty(url);
  }

  static String safeTitle(String title) {
    return title == null ? "" : SafeText.title(title);
  }
}
