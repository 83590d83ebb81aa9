package dev.tributary.web;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import io.vertx.core.http.HttpServerRequest;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.FormParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.NewCookie;
import jakarta.ws.rs.core.Response;
import java.net.URI;

/**
 * The admin page's login: the operator types the admin token once and gets a session cookie
 * (HttpOnly, SameSite=Strict, Secure when the public URL is https). The forms carry the CSRF
 * token ({@code {inject:csrf.token}}, checked by the rest-csrf filter).
 */
@Path("/admin/login")
public class AdminLoginResource {
  @Inject AdminSession session;
  @Inject PublicUrl publicUrl;
  @Inject FailedLogins failedLogins;

  @CheckedTemplate
  static class Templates {
    static native TemplateInstance login(boolean tokenRequired, boolean failed);
  }

  @GET
  @Produces(MediaType.TEXT_HTML)
  public TemplateInstance form() {
    return Templates.login(session.tokenRequired(), false);
  }

  @POST
  @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
  @Produces(MediaType.TEXT_HTML)
  public Response login(@FormParam("token") String token, @Context HttpServerRequest request) {
    String client = AdminAuthMechanism.clientAddress(request);
    var wait = failedLogins.refusedFor(client);
    if (wait.isPresent()) {
      long seconds = Math.max(1, wait.get().toSeconds());
      return Response.status(Response.Status.TOO_MANY_REQUESTS).header("Retry-After", seconds)
          .type("text/plain; charset=utf-8").entity("Too many wrong admin tokens from this address; try again in "
              + seconds + " s.\n").build();
    }
    if (!session.isToken(token)) {
      failedLogins.failed(client);
      return Response.status(Response.Status.UNAUTHORIZED).entity(Templates.login(session.tokenRequired(), true)).build();
    }
    String value = session.open().orElseThrow();
    return Response.seeOther(URI.create("/admin")).cookie(cookie(value, (int) session.lifetimeSeconds())).build();
  }

  /** {@code POST /admin/logout}: its own class, so that no resource but PageResource answers {@code /admin}. */
  @Path("/admin/logout")
  public static class Logout {
    @Inject PublicUrl publicUrl;

    @POST
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response logout() {
      return Response.seeOther(URI.create("/")).cookie(cookie(publicUrl, "", 0)).build();
    }
  }

  private NewCookie cookie(String value, int maxAge) {
    return cookie(publicUrl, value, maxAge);
  }

  static NewCookie cookie(PublicUrl publicUrl, String value, int maxAge) {
    return new NewCookie.Builder(AdminSession.COOKIE).value(value).path("/").maxAge(maxAge).httpOnly(true)
        .secure(publicUrl.isHttps()).sameSite(NewCookie.SameSite.STRICT).build();
  }
}
