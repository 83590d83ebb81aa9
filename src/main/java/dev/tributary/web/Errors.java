package dev.tributary.web;

import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.Map;

/** Errors as small JSON bodies, never stack traces. */
final class Errors {
  private Errors() {}

  static Response notFound(String message) {
    return of(Response.Status.NOT_FOUND, message);
  }

  static Response badRequest(String message) {
    return of(Response.Status.BAD_REQUEST, message);
  }

  static Response of(Response.Status status, String message) {
    return Response.status(status).type(MediaType.APPLICATION_JSON)
        .entity(Map.of("error", status.getReasonPhrase(), "message", message)).build();
  }
}
