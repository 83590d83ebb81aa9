package dev.tributary.web;

import dev.tributary.config.TributarySettings;
import dev.tributary.publish.ChannelPublisher;
import dev.tributary.publish.FeedFormat;
import dev.tributary.publish.RenderedFeed;
import io.vertx.core.http.HttpServerResponse;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;

/** The merged feeds, with validators and 304s so polling readers cost next to nothing. */
@Path("/feeds")
public class FeedResource {
  @Inject ChannelPublisher publisher;
  @Inject TributarySettings settings;
  @Inject PublicUrl publicUrl;

  @GET
  @Path("/{channel}.{format}")
  public Response feed(
      @PathParam("channel") String channel,
      @PathParam("format") String extension,
      @QueryParam("limit") Integer limit,
      @HeaderParam(HttpHeaders.IF_NONE_MATCH) String ifNoneMatch,
      @HeaderParam(HttpHeaders.IF_MODIFIED_SINCE) String ifModifiedSince,
      @HeaderParam(HttpHeaders.ACCEPT_ENCODING) String acceptEncoding,
      @Context HttpServerResponse vertxResponse) {
    FeedFormat format = FeedFormat.ofExtension(extension).orElse(null);
    if (format == null) {
      return Errors.notFound("no feed format '" + extension + "': use .rss, .atom or .json");
    }
    var n = PageLimit.of(limit, settings.publish());
    if (n.isEmpty()) {
      return PageLimit.outOfRange(settings.publish());
    }
    RenderedFeed feed = publisher.feed(channel, format, PageLimit.cachedSize(n.getAsInt()), publicUrl.base()).orElse(null);
    if (feed == null) {
      return Errors.notFound("no channel '" + channel + "'");
    }
    FeedReply reply = FeedReply.of(feed, acceptEncoding, ifNoneMatch, ifModifiedSince);
    if (reply.notModified()) {
      return Response.notModified().header(HttpHeaders.ETAG, reply.etag())
          .header(HttpHeaders.LAST_MODIFIED, reply.lastModified())
          .header(HttpHeaders.CACHE_CONTROL, cacheControl())
          .header(HttpHeaders.VARY, FeedReply.VARY).build();
    }
    if (reply.coding().token() != null) {
      // The HTTP layer marked every answer "identity" up front (so it compresses nothing itself);
      // bytes already compressed replace that mark with their own coding instead of joining it.
      vertxResponse.headers().remove(HttpHeaders.CONTENT_ENCODING);
    }
    return Response.ok(reply.body(), feed.mediaType())
        .header("X-Content-Type-Options", "nosniff")
        .header(HttpHeaders.CONTENT_ENCODING, reply.coding().token())
        .header(HttpHeaders.ETAG, reply.etag())
        .header(HttpHeaders.LAST_MODIFIED, reply.lastModified())
        .header(HttpHeaders.CACHE_CONTROL, cacheControl())
        .header(HttpHeaders.VARY, FeedReply.VARY)
        .build();
  }

  private String cacheControl() {
    return FeedReply.cacheControl(settings.publish().maxAgeSeconds());
  }
}
