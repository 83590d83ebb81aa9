package dev.tributary.web;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.tributary.config.TributarySettings;
import dev.tributary.fetch.FetchResult;
import dev.tributary.fetch.PreviewFetcher;
import dev.tributary.model.NormalizedFeed;
import dev.tributary.parse.FeedDiscovery;
import dev.tributary.parse.FeedDocument;
import dev.tributary.parse.FeedParser;
import dev.tributary.parse.ParseResult;
import io.vertx.core.http.HttpServerRequest;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Fetches a URL once through the preview fetcher (apart from polling) and shows how it reads;
 * nothing is stored. The answer is capped: past the cap, entries are left out and
 * {@code X-Preview-Entries: shown/total} says so.
 */
@Path("/api/preview")
@Produces(MediaType.APPLICATION_JSON)
public class PreviewResource {
  @Inject PreviewFetcher fetcher;
  @Inject FeedParser parser;
  @Inject ObjectMapper json;
  @Inject TributarySettings settings;

  @GET
  public Response preview(@QueryParam("url") String url, @Context HttpServerRequest request) {
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
    String client = request.connection().remoteAddress() == null ? "?" : request.connection().remoteAddress().hostAddress();
    PreviewFetcher.Outcome outcome = fetcher.fetch(uri, client);
    if (outcome instanceof PreviewFetcher.Refused refused) {
      return Errors.of(refused.busy() ? Response.Status.SERVICE_UNAVAILABLE : Response.Status.TOO_MANY_REQUESTS, refused.message());
    }
    if (outcome instanceof PreviewFetcher.Failed failed) {
      return Errors.of(Response.Status.BAD_GATEWAY, "fetch failed: " + failed.message());
    }
    FetchResult.Fetched fetched = ((PreviewFetcher.Fetched) outcome).result();
    FeedDocument document = new FeedDocument(fetched.body(), fetched.contentType(),
        fetched.contentLocation(), fetched.finalUrl(), fetched.contentLanguage());
    ParseResult parsed = parser.parse(document);
    if (parsed instanceof ParseResult.NotAFeed notAFeed) {
      // an admin who pastes a homepage gets the feed URLs to put in feeds.yaml
      List<FeedDiscovery.FeedLink> feeds = FeedDiscovery.links(document);
      String message = feeds.isEmpty() ? "not a feed: " + notAFeed.reason()
          : "not a feed but a page that links " + feeds.size() + (feeds.size() == 1 ? " feed" : " feeds") + ": preview one of them";
      return Errors.unprocessable(message, Map.of("feeds", feeds));
    }
    return capped(((ParseResult.Parsed) parsed).feed());
  }

  /** The feed as JSON within the answer cap, dropping entries from the end (halving, then refining). */
  private Response capped(NormalizedFeed feed) {
    int max = settings.preview().maxAnswerBytes();
    int total = feed.entries().size();
    try {
      byte[] whole = json.writeValueAsBytes(feed);
      if (whole.length <= max) {
        return Response.ok(whole, MediaType.APPLICATION_JSON_TYPE).header("X-Preview-Entries", total + "/" + total).build();
      }
      int lo = 0;
      int hi = total;
      byte[] best = json.writeValueAsBytes(new NormalizedFeed(feed.meta(), feed.feed(), List.of()));
      while (lo < hi) {
        int mid = (lo + hi + 1) / 2;
        byte[] b = json.writeValueAsBytes(new NormalizedFeed(feed.meta(), feed.feed(), feed.entries().subList(0, mid)));
        if (b.length <= max) {
          lo = mid;
          best = b;
        } else {
          hi = mid - 1;
        }
      }
      return Response.ok(best, MediaType.APPLICATION_JSON_TYPE).header("X-Preview-Entries", lo + "/" + total).build();
    } catch (JsonProcessingException e) {
      return Errors.unprocessable("the feed could not be written as JSON", Map.of());
    }
  }
}
