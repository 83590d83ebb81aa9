package dev.tributary.web;

import io.quarkus.security.credential.TokenCredential;
import io.quarkus.security.identity.IdentityProviderManager;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.security.identity.request.AuthenticationRequest;
import io.quarkus.security.identity.request.TokenAuthenticationRequest;
import io.quarkus.security.runtime.QuarkusPrincipal;
import io.quarkus.security.runtime.QuarkusSecurityIdentity;
import io.quarkus.vertx.http.runtime.security.ChallengeData;
import io.quarkus.vertx.http.runtime.security.HttpAuthenticationMechanism;
import io.smallrye.mutiny.Uni;
import io.vertx.core.http.Cookie;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.net.SocketAddress;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * Who may use the admin surface (the paths are listed in application.properties). With an admin
 * token configured: a request bearing {@code Authorization: Bearer TOKEN}, or a browser with the
 * session cookie the login form set. Without one: clients on loopback only, judged by the socket's
 * own address (never a forwarded header). State-changing requests sent by a browser from another
 * site are refused whatever they carry ({@code Origin}/{@code Sec-Fetch-Site}): the loopback mode
 * has no cookie for SameSite to withhold.
 */
@ApplicationScoped
public class AdminAuthMechanism implements HttpAuthenticationMechanism {
  static final String ROLE = "admin";
  static final String BEARER = "bearer";
  static final String SESSION = "session";

  @Inject AdminSession session;
  @Inject FailedLogins failedLogins;

  @Override
  public Uni<SecurityIdentity> authenticate(RoutingContext context, IdentityProviderManager identities) {
    if (isCrossSiteWrite(context)) {
      return Uni.createFrom().optional(Optional.empty());
    }
    if (!session.tokenRequired()) {
      return isLoopback(context)
          ? Uni.createFrom().item(admin("loopback"))
          : Uni.createFrom().optional(Optional.empty());
    }
    String authorization = context.request().getHeader(HttpHeaders.AUTHORIZATION);
    if (authorization != null && authorization.regionMatches(true, 0, "Bearer ", 0, 7)) {
      String client = clientAddress(context.request());
      if (failedLogins.refusedFor(client).isPresent()) {
        // over its budget of wrong tokens: not compared at all until its minute is over
        return Uni.createFrom().optional(Optional.empty());
      }
      return identities.authenticate(new TokenAuthenticationRequest(new TokenCredential(authorization.substring(7).strip(), BEARER)))
          .onFailure().invoke(() -> failedLogins.failed(client));
    }
    Cookie cookie = context.request().getCookie(AdminSession.COOKIE);
    if (cookie != null) {
      return identities.authenticate(new TokenAuthenticationRequest(new TokenCredential(cookie.getValue(), SESSION)));
    }
    return Uni.createFrom().optional(Optional.empty());
  }

  /** Browsers asking for the admin page go to the login form; other clients get 401 (or 403 off loopback without a token). */
  @Override
  public Uni<ChallengeData> getChallenge(RoutingContext context) {
    if (!session.tokenRequired()) {
      return Uni.createFrom().item(new ChallengeData(403, null, null));
    }
    String accept = context.request().getHeader(HttpHeaders.ACCEPT);
    boolean page = context.request().method() == HttpMethod.GET && context.normalizedPath().startsWith("/admin")
        && accept != null && accept.toLowerCase(Locale.ROOT).contains("text/html");
    if (page) {
      return Uni.createFrom().item(new ChallengeData(303, HttpHeaders.LOCATION, "/admin/login"));
    }
    return Uni.createFrom().item(new ChallengeData(401, "WWW-Authenticate", "Bearer realm=\"tributary-admin\""));
  }

  @Override
  public Set<Class<? extends AuthenticationRequest>> getCredentialTypes() {
    return Set.of(TokenAuthenticationRequest.class);
  }

  static SecurityIdentity admin(String name) {
    return QuarkusSecurityIdentity.builder().setPrincipal(new QuarkusPrincipal(name)).addRole(ROLE).build();
  }

  /** The address wrong tokens are counted against (the login form and Bearer alike). */
  static String clientAddress(HttpServerRequest request) {
    SocketAddress remote = request.remoteAddress();
    return remote == null || remote.hostAddress() == null ? "unknown" : remote.hostAddress();
  }

  static boolean isLoopback(RoutingContext context) {
    SocketAddress remote = context.request().connection().remoteAddress();
    if (remote == null || remote.hostAddress() == null) {
      return false;
    }
    try {
      // a numeric address: no name lookup happens
      return InetAddress.getByName(remote.hostAddress()).isLoopbackAddress();
    } catch (UnknownHostException e) {
      return false;
    }
  }

  static boolean isCrossSiteWrite(RoutingContext context) {
    HttpMethod method = context.request().method();
    if (method == HttpMethod.GET || method == HttpMethod.HEAD || method == HttpMethod.OPTIONS) {
      return false;
    }
    String site = context.request().getHeader("Sec-Fetch-Site");
    if (site != null) {
      // A browser that says where the request comes from is believed: its form posts carry
      // "Origin: null" under our Referrer-Policy no-referrer, which the check below would refuse.
      return !(site.equalsIgnoreCase("same-origin") || site.equalsIgnoreCase("none"));
    }
    String origin = context.request().getHeader(HttpHeaders.ORIGIN);
    if (origin == null) {
      return false;
    }
    String host = context.request().getHeader(HttpHeaders.HOST);
    try {
      URI o = URI.create(origin);
      String authority = o.getPort() < 0 ? o.getHost() : o.getHost() + ":" + o.getPort();
      return host == null || o.getHost() == null || !authority.equalsIgnoreCase(host);
    } catch (IllegalArgumentException e) {
      return true;
    }
  }
}
