package dev.tributary.web;

import io.quarkus.vertx.http.runtime.filters.Filters;
import io.vertx.core.http.HttpVersion;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.util.regex.Pattern;

/**
 * A Host header that is not a host name or address with an optional port is answered 400 before
 * anything parses it (Vert.x would fail deep in routing with a 500 and a stack trace in the log).
 * One that Vert.x itself cannot read as an authority never reaches the filter: the router fails it
 * with 400 first, and that failure is answered here the same way, without the error handler's
 * ERROR line, so a client cannot fill the log with bad requests.
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
      // RFC 9112 3.2: no Host on HTTP/1.1, more than one, or one that is not a host is a 400
      if ((host == null && http1) || (host != null && !host.equals(lastValid) && !valid(host))
          || rc.request().headers().getAll("Host").size() > 1) {
        badHost(rc);
        return;
      }
      lastValid = host;
      rc.next();
    }, 2000);
  }

  void registerFailureHandler(@Observes Router router) {
    router.route().order(Integer.MIN_VALUE).failureHandler(this::unreadableHost);
  }

  private void unreadableHost(RoutingContext rc) {
    if (rc.statusCode() == 400 && rc.request().authority() == null && !rc.response().ended()) {
      badHost(rc);
    } else {
      rc.next();
    }
  }

  private static void badHost(RoutingContext rc) {
    rc.response().setStatusCode(400).putHeader("Content-Type", "text/plain; charset=utf-8")
        .putHeader("X-Content-Type-Options", "nosniff").end("bad Host header\n");
  }

  static boolean valid(String host) {
    var m = HOST.matcher(host);
    if (!m.matches()) {
      return false;
    }
    return m.group(1) == null || Integer.parseInt(m.group(1)) <= 65535;
  }
}
