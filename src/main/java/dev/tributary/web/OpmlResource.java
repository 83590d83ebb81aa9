package dev.tributary.web;

import dev.tributary.config.ChannelConfig;
import dev.tributary.config.FeedsRegistry;
import dev.tributary.publish.OpmlOutline;
import dev.tributary.publish.OpmlWriter;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.util.List;

/** OPML 2.0 listing every channel's merged feeds, for importing into a reader in one step. */
@Path("/feeds.opml")
public class OpmlResource {
  @Inject FeedsRegistry registry;

  @GET
  public Response opml(@Context UriInfo uri) {
    String base = BaseUrl.of(uri);
    List<OpmlOutline> feeds = registry.config().channels().stream()
        .map((ChannelConfig c) -> new OpmlOutline(c.title(), base + "/feeds/" + c.id() + ".rss", base + "/channels/" + c.id(), List.of()))
        .toList();
    return Response.ok(OpmlWriter.write("Tributary channels", feeds), "text/x-opml; charset=utf-8").build();
  }
}
