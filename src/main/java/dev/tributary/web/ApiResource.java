package dev.tributary.web;

import dev.tributary.config.ChannelConfig;
import dev.tributary.publish.ShownStory;
import dev.tributary.config.FeedsConfig;
import dev.tributary.config.FeedsRegistry;
import dev.tributary.poll.WriteHealth;
import dev.tributary.config.TributarySettings;
import dev.tributary.ingest.StoryRegrouper;
import dev.tributary.store.SourceHealth;
import dev.tributary.store.SourceStore;
import dev.tributary.store.Totals;
import dev.tributary.store.StoryPage;
import dev.tributary.store.StoryQueries;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The JSON API: channels, their stories, source health and service status. */
@Path("/api")
@Produces(MediaType.APPLICATION_JSON)
public class ApiResource {
  @Inject FeedsRegistry registry;
  @Inject StoryQueries stories;
  @Inject SourceStore sources;
  @Inject TributarySettings settings;
  @Inject InstantSource clock;
  @Inject HostPauses pauses;
  @Inject StoryRegrouper regrouper;

  @GET
  @Path("/channels")
  public ApiViews.ChannelList channels(@Context UriInfo uri) {
    FeedsConfig config = registry.config();
    String base = BaseUrl.of(uri);
    List<ApiViews.ChannelView> out = new ArrayList<>();
    for (ChannelConfig c : config.channels()) {
      Map<String, String> feeds = new LinkedHashMap<>();
      for (String ext : List.of("rss", "atom", "json")) {
        feeds.put(ext, base + "/feeds/" + c.id() + "." + ext);
      }
      out.add(new ApiViews.ChannelView(c.id(), c.title(), c.description(), List.copyOf(config.sourceIdsOf(c)), feeds,
          base + "/channels/" + c.id()));
    }
    return new ApiViews.ChannelList(out);
  }

  @GET
  @Path("/channels/{channel}/stories")
  public Response stories(@PathParam("channel") String channel, @QueryParam("limit") Integer limit,
      @QueryParam("cursor") String cursor) {
    FeedsConfig config = registry.config();
    ChannelConfig c = config.channel(channel).orElse(null);
    if (c == null) {
      return Errors.notFound("no channel '" + channel + "'");
    }
    var n = PageLimit.of(limit, settings.publish());
    if (n.isEmpty()) {
      return PageLimit.outOfRange(settings.publish());
    }
    StoryPage page;
    try {
      page = stories.page(config.sourceIdsOf(c), n.getAsInt(), cursor);
    } catch (IllegalArgumentException e) {
      return Errors.badRequest(e.getMessage());
    }
    // titled as the channel's feeds title them
    return Response.ok(new ApiViews.StoriesPage(page.stories().stream()
        .map(s -> ApiViews.StoryJson.of(ShownStory.of(s, c.language()))).toList(),
        page.next())).build();
  }

  /** One story with every report; the id of a story merged into another redirects to that story. */
  @GET
  @Path("/stories/{id}")
  public Response story(@PathParam("id") String id, @Context UriInfo uri) {
    var found = stories.byPublicId(id);
    if (found.isEmpty()) {
      return Errors.notFound("no story '" + id + "'");
    }
    if (!found.get().publicId().equals(id)) {
      return Response.status(Response.Status.MOVED_PERMANENTLY)
          .location(uri.getBaseUriBuilder().path("api/stories").path(found.get().publicId()).build()).build();
    }
    return Response.ok(ApiViews.StoryJson.of(
        ShownStory.of(found.get(), ShownStory.ownLanguage(found.get(), registry.config())))).build();
  }

  @GET
  @Path("/sources")
  public ApiViews.SourceList sources() {
    return new ApiViews.SourceList(sources.health().stream().map(ApiViews.SourceJson::of).toList());
  }

  /** Schedules a source for the next tick (and unparks it): for admins after fixing a feed. */
  @POST
  @Path("/sources/{source}/fetch")
  public Response fetchSoon(@PathParam("source") String source) {
    var paused = sources.health().stream().filter(h -> h.id().equals(source) && h.active()).findFirst()
        .flatMap(h -> pauses.of(h.url()));
    if (paused.isPresent()) {
      // scheduling it would do nothing: the fetch would be turned away until the pause ends
      return Response.status(Response.Status.CONFLICT).entity(Map.of("source", source, "status", "host paused",
          "pausedUntil", paused.get().toString())).build();
    }
    if (!sources.fetchSoon(source, clock.instant())) {
      return Errors.notFound("no active source '" + source + "'");
    }
    return Response.accepted(Map.of("source", source, "status", "due now")).build();
  }

  @Inject WriteHealth writes;

  @GET
  @Path("/status")
  public ApiViews.Status status() {
    FeedsRegistry.State st = registry.state();
    Totals totals;
    try {
      totals = sources.totals();
    } catch (RuntimeException e) {
      totals = null; // the database is down: the status still answers, with the reason below
    }
    return new ApiViews.Status(st.file(), st.loadedAt(), st.lastError(), st.lastErrorAt(), st.config().sources().size(),
        st.config().channels().size(), totals == null ? null : totals.items(), totals == null ? null : totals.stories(),
        regrouper.due(),
        writes.failure().map(WriteHealth.Failure::reason).orElse(null),
        writes.failure().map(WriteHealth.Failure::since).orElse(null));
  }
}
