package dev.tributary.web;

import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.LinkedHashMap;
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

  /**
   * 422: the request was understood but what it points at cannot be used. Built from the raw code,
   * as JAX-RS's Status enum has no 422 (looking it up gives null). {@code details} are added to
   * the body (for example the feeds an HTML page links).
   */
  static Response unprocessable(String message, Map<String, ?> details) {
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("error", "Unprocessable Content");
    body.put("message", message);
    body.putAll(details);
    return Response.status(422, "Unprocessable Content").type(MediaType.APPLICATION_JSON).entity(body).build();
  }
}
