package dev.tributary.web;

import dev.tributary.config.TributarySettings;
import dev.tributary.publish.ChannelPublisher;
import dev.tributary.publish.FeedFormat;
import dev.tributary.publish.RenderedFeed;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;

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
      @HeaderParam(HttpHeaders.IF_MODIFIED_SINCE) String ifModifiedSince) {
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
    Instant lastModified = feed.lastModified().truncatedTo(ChronoUnit.SECONDS);
    String lastModifiedText = DateTimeFormatter.RFC_1123_DATE_TIME.format(lastModified.atOffset(ZoneOffset.UTC));
    if (Conditional.notModified(ifNoneMatch, ifModifiedSince, feed.etag(), lastModified)) {
      return Response.notModified().header(HttpHeaders.ETAG, feed.etag())
          .header(HttpHeaders.LAST_MODIFIED, lastModifiedText)
          .header(HttpHeaders.CACHE_CONTROL, cacheControl()).build();
    }
    return Response.ok(feed.body(), feed.mediaType())
        .header("X-Content-Type-Options", "nosniff")
        .header(HttpHeaders.ETAG, feed.etag())
        .header(HttpHeaders.LAST_MODIFIED, lastModifiedText)
        .header(HttpHeaders.CACHE_CONTROL, cacheControl())
        .build();
  }

  private String cacheControl() {
    return "public, max-age=" + settings.publish().maxAgeSeconds();
  }
}
