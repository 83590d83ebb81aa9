package dev.tributary.web;

import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/**
 * Every 404 says what was not found, as JSON under /api ({@code /api/nope}, a {@code limit} that is
 * not a number, an unknown channel) and as plain text elsewhere: never an empty body, never HTML
 * from the framework, never a stack trace.
 */
public class NotFoundMapper {
  @ServerExceptionMapper
  public Response notFound(NotFoundException e, UriInfo uri) {
    String path = uri.getPath();
    String message = e.getMessage() != null && !e.getMessage().startsWith("HTTP 404") ? e.getMessage()
        : "nothing at " + path + (uri.getQueryParameters().isEmpty() ? "" : " with these query parameters");
    if (path.equals("/api") || path.startsWith("/api/")) {
      return Errors.notFound(message);
    }
    return Response.status(Response.Status.NOT_FOUND).type(MediaType.TEXT_PLAIN_TYPE.withCharset("UTF-8")).entity(message + "\n").build();
  }
}
