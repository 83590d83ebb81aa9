package dev.tributary.web;

import jakarta.ws.rs.core.UriInfo;

/** The service's public root as the client reached it, without a trailing slash. */
final class BaseUrl {
  private BaseUrl() {}

  static String of(UriInfo uri) {
    String base = uri.getBaseUri().toString();
    return base.endsWith("/") ? base.substring(0, base.length() - 1) : base;
  }
}
