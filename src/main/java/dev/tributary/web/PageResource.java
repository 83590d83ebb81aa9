package dev.tributary.web;

import dev.tributary.config.ChannelConfig;
import dev.tributary.config.FeedsConfig;
import dev.tributary.config.FeedsRegistry;
import dev.tributary.store.SourceHealth;
import dev.tributary.store.SourceStore;
import dev.tributary.store.StoryQueries;
import dev.tributary.store.StoryView;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.List;

/** Pages for people: the channels, one channel's stories, and source health for admins. */
@Path("/")
@Produces(MediaType.TEXT_HTML)
public class PageResource {
  @Inject FeedsRegistry registry;
  @Inject StoryQueries stories;
  @Inject SourceStore sources;

  @CheckedTemplate
  static class Templates {
    static native TemplateInstance index(List<ChannelConfig> channels);

    static native TemplateInstance channel(ChannelConfig channel, List<StoryView> stories);

    static native TemplateInstance admin(FeedsRegistry.State state, List<SourceHealth> sources);
  }

  @GET
  public TemplateInstance index() {
    return Templates.index(registry.config().channels());
  }

  @GET
  @Path("channels/{channel}")
  public TemplateInstance channel(@PathParam("channel") String id) {
    FeedsConfig config = registry.config();
    ChannelConfig channel = config.channel(id).orElseThrow(() -> new NotFoundException("no channel '" + id + "'"));
    return Templates.channel(channel, stories.newest(config.sourceIdsOf(channel), 100));
  }

  @GET
  @Path("admin")
  public TemplateInstance admin() {
    return Templates.admin(registry.state(), sources.health());
  }
}
