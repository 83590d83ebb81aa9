package dev.tributary.web;

import io.quarkus.vertx.http.runtime.filters.Filters;
import io.vertx.core.MultiMap;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

/**
 * Headers on every answer, pages, feeds, API and errors alike: no script may run in any of our
 * documents (publisher HTML is sanitized, and the CSP is the second wall), nothing is
 * content-sniffed into HTML, nothing is framed (clickjacking of the admin buttons), and readers
 * following a publisher link do not tell the publisher which page they came from.
 */
@ApplicationScoped
public class SecurityHeaders {
  static final String CSP = "default-src 'none'; img-src 'self' https: http:; media-src https: http:; style-src 'self'; "
      + "form-action 'self'; frame-ancestors 'none'; base-uri 'none'";

  void register(@Observes Filters filters) {
    filters.register(rc -> {
      MultiMap h = rc.response().headers();
      h.set("X-Content-Type-Options", "nosniff");
      h.set("Content-Security-Policy", CSP);
      h.set("X-Frame-Options", "DENY");
      h.set("Referrer-Policy", "no-referrer");
      rc.next();
    }, 1000);
  }
}
