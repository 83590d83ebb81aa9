package dev.tributary.web;

import dev.tributary.config.ChannelConfig;
import dev.tributary.config.FeedsConfig;
import dev.tributary.config.FeedsRegistry;
import dev.tributary.store.SourceHealth;
import dev.tributary.store.SourceStore;
import dev.tributary.store.StoryPage;
import dev.tributary.store.StoryQueries;
import dev.tributary.publish.ShownStory;
import dev.tributary.store.StoryView;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import jakarta.inject.Inject;
import jakarta.ws.rs.BadRequestException;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriBuilder;
import java.time.Instant;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Pages for people: the channels, a channel's stories, one story, and source health for admins. */
@Path("/")
@Produces(MediaType.TEXT_HTML)
public class PageResource {
  static final int STORIES_PER_PAGE = 20;

  @Inject FeedsRegistry registry;
  @Inject StoryQueries stories;
  @Inject SourceStore sources;
  @Inject HostPauses pauses;
  @Inject InstantSource clock;

  /** A channel on the front page: how many stories it holds and when its newest was reported. */
  record ChannelSummary(ChannelConfig channel, long stories, Instant latest) {}

  /** What the admin's last "fetch now" came to, shown once above the table. */
  record Notice(String source, boolean paused, Instant pausedUntil, boolean unknown) {}

  @CheckedTemplate
  static class Templates {
    static native TemplateInstance index(List<ChannelSummary> channels, Instant now);

    static native TemplateInstance channel(ChannelConfig channel, List<StoryView> stories, String next, boolean first,
        Instant now);

    static native TemplateInstance story(StoryView story, Instant now);

    static native TemplateInstance admin(FeedsRegistry.State state, AdminView view, Notice notice, Instant now);
  }

  @GET
  public TemplateInstance index() {
    FeedsConfig config = registry.config();
    List<ChannelSummary> out = new ArrayList<>();
    for (ChannelConfig c : config.channels()) {
      var ids = config.sourceIdsOf(c);
      List<StoryView> newest = stories.newest(ids, 1);
      out.add(new ChannelSummary(c, stories.count(ids), newest.isEmpty() ? null : newest.get(0).updated()));
    }
    return Templates.index(out, clock.instant());
  }

  @GET
  @Path("channels/{channel}")
  public TemplateInstance channel(@PathParam("channel") String id, @QueryParam("cursor") String cursor) {
    FeedsConfig config = registry.config();
    ChannelConfig channel = config.channel(id).orElseThrow(() -> new NotFoundException("no channel '" + id + "'"));
    StoryPage page;
    try {
      page = stories.page(config.sourceIdsOf(channel), STORIES_PER_PAGE, cursor);
    } catch (IllegalArgumentException e) {
      throw new BadRequestException("not a cursor this service handed out");
    }
    List<StoryView> shown = page.stories().stream().map(s -> ShownStory.of(s, channel.language()).view()).toList();
    return Templates.channel(channel, shown, page.next(), cursor == null || cursor.isBlank(), clock.instant());
  }

  @GET
  @Path("stories/{id}")
  public TemplateInstance story(@PathParam("id") String id) {
    StoryView story = stories.byPublicId(id).orElseThrow(() -> new NotFoundException("no story '" + id + "'"));
    return Templates.story(ShownStory.of(story, ShownStory.ownLanguage(story, registry.config())).view(), clock.instant());
  }

  @GET
  @Path("admin")
  public TemplateInstance admin(@QueryParam("state") String state, @QueryParam("tag") String tag,
      @QueryParam("fetched") String fetched) {
    List<SourceHealth> health = sources.health();
    AdminView view = AdminView.of(health, registry.config(), pauses::byKey, state, tag);
    Notice notice = null;
    if (fetched != null && !fetched.isBlank()) {
      Optional<SourceHealth> s = health.stream().filter(h -> h.id().equals(fetched) && h.active()).findFirst();
      Instant until = s.flatMap(h -> pauses.of(h.url())).orElse(null);
      notice = new Notice(fetched, until != null, until, s.isEmpty());
    }
    return Templates.admin(registry.state(), view, notice, clock.instant());
  }

  /**
   * The "fetch now" button: due at the next tick, unless the source's host is paused (then
   * nothing is scheduled and the page says until when). Answers with the admin page again.
   */
  @POST
  @Path("admin/sources/{source}/fetch")
  @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
  public Response fetchNow(@PathParam("source") String source) {
    Optional<SourceHealth> s = sources.health().stream().filter(h -> h.id().equals(source) && h.active()).findFirst();
    if (s.isPresent() && pauses.of(s.get().url()).isEmpty()) {
      sources.fetchSoon(source, clock.instant());
    }
    return Response.seeOther(UriBuilder.fromPath("/admin").queryParam("fetched", source).build()).build();
  }
}
