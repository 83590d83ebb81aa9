package dev.tributary.web;

import dev.tributary.fetch.FeedFetcher;
import dev.tributary.fetch.FetchRequest;
import dev.tributary.fetch.FetchResult;
import dev.tributary.parse.FeedDocument;
import dev.tributary.parse.FeedParser;
import dev.tributary.parse.ParseResult;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;

/** Fetches a URL once through the normal fetcher and shows how it reads; nothing is stored. */
@Path("/api/preview")
@Produces(MediaType.APPLICATION_JSON)
public class PreviewResource {
  @Inject FeedFetcher fetcher;
  @Inject FeedParser parser;

  @GET
  public Response preview(@QueryParam("url") String url) {
    URI uri;
    try {
      uri = url == null ? null : new URI(url.trim());
    } catch (URISyntaxException e) {
      return Errors.badRequest("bad url: " + e.getReason());
    }
    String scheme = uri == null || uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
    if (!scheme.equals("http") && !scheme.equals("https") || uri.getHost() == null) {
      return Errors.badRequest("give an absolute http(s) URL as ?url=");
    }
    FetchResult result = fetcher.fetch(FetchRequest.unconditional(uri));
    if (result instanceof FetchResult.Failed failed) {
      return Errors.of(Response.Status.BAD_GATEWAY, "fetch failed (" + failed.kind() + "): " + failed.message());
    }
    if (!(result instanceof FetchResult.Fetched fetched)) {
      return Errors.of(Response.Status.BAD_GATEWAY, "unexpected 304 to an unconditional request");
    }
    ParseResult parsed = parser.parse(new FeedDocument(fetched.body(), fetched.contentType(),
        fetched.contentLocation(), fetched.finalUrl()));
    if (parsed instanceof ParseResult.NotAFeed notAFeed) {
      return Errors.of(Response.Status.fromStatusCode(422), "not a feed: " + notAFeed.reason());
    }
    return Response.ok(((ParseResult.Parsed) parsed).feed()).build();
  }
}
