package dev.tributary.web;

import dev.tributary.config.FeedsRegistry;
import dev.tributary.ingest.StoryIndexLoader;
import dev.tributary.poll.WriteHealth;
import dev.tributary.store.Revisions;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

/** Ready when a feeds file is in force and the database answers; says whether the story index is still loading. */
@Readiness
@ApplicationScoped
public class ReadinessCheck implements HealthCheck {
  @Inject FeedsRegistry registry;
  @Inject Revisions revisions;
  @Inject WriteHealth writes;
  @Inject StoryIndexLoader storyIndex;

  @Override
  public HealthCheckResponse call() {
    var builder = HealthCheckResponse.named("tributary");
    FeedsRegistry.State state = registry.state();
    if (state == null) {
      return builder.down().withData("feeds", "not loaded").build();
    }
    var failing = writes.failure();
    if (failing.isPresent()) {
      return builder.down().withData("database", "writes failing since " + failing.get().since() + ": "
          + failing.get().reason()).build();
    }
    try {
      long revision = QuarkusTransaction.requiringNew().call(revisions::current);
      // reads need no story index: ready while it loads, and polling waits for it
      return builder.up().withData("feeds", state.file()).withData("revision", revision)
          .withData("sources", state.config().sources().size())
          .withData("storyIndex", storyIndex.loaded() ? "loaded " + storyIndex.loadedItems() + " items" : "loading")
          .build();
    } catch (RuntimeException e) {
      return builder.down().withData("database", e.getClass().getSimpleName()).build();
    }
  }
}
