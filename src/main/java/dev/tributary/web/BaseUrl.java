package dev.tributary.web;

import io.quarkus.arc.Arc;
import jakarta.ws.rs.core.UriInfo;

/**
 * The service's public root without a trailing slash: always {@link PublicUrl}, whatever the
 * request's Host or X-Forwarded-* say (a forged header must not change cached bytes or links).
 * Kept for callers that still pass the request; new code injects {@link PublicUrl}.
 */
final class BaseUrl {
  private BaseUrl() {}

  static String of(UriInfo ignored) {
    return Arc.container().instance(PublicUrl.class).get().base();
  }
}
