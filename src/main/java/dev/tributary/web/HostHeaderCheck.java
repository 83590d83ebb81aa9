package dev.tributary.web;

import io.quarkus.vertx.http.runtime.filters.Filters;
import io.vertx.core.http.HttpVersion;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.util.regex.Pattern;

/**
 * A Host header that is not a host name or address with an optional port is answered 400 before
 * anything parses it (Vert.x would fail deep in routing with a 500 and a stack trace in the log).
 */
@ApplicationScoped
public class HostHeaderCheck {
  private static final Pattern HOST = Pattern.compile(
      "(?:[A-Za-z0-9](?:[A-Za-z0-9-]{0,62}\\.?)*|\\[[0-9A-Fa-f:.]{2,45}\\])(?::(\\d{1,5}))?");

  /** The last Host that passed: clients send the same one again and again, so the pattern runs once. */
  private volatile String lastValid;

  void register(@Observes Filters filters) {
    filters.register(rc -> {
      String host = rc.request().getHeader("Host");
      boolean http1 = rc.request().version() != HttpVersion.HTTP_2;
      if ((host == null && http1) || (host != null && !host.equals(lastValid) && !valid(host))) {
        rc.response().setStatusCode(400).putHeader("Content-Type", "text/plain; charset=utf-8")
            .putHeader("X-Content-Type-Options", "nosniff").end("bad Host header\n");
        return;
      }
      lastValid = host;
      rc.next();
    }, 2000);
  }

  static boolean valid(String host) {
    var m = HOST.matcher(host);
    if (!m.matches()) {
      return false;
    }
    return m.group(1) == null || Integer.parseInt(m.group(1)) <= 65535;
  }
}
