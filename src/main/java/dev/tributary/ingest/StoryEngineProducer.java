package dev.tributary.ingest;

import dev.tributary.story.ClusteringStoryEngine;
import dev.tributary.story.StoryConfig;
import dev.tributary.story.StoryEngine;
import io.quarkus.arc.DefaultBean;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;

/** The story engine the ingest workflow assigns with, and the configuration it runs on. */
@ApplicationScoped
public class StoryEngineProducer {

  public StoryConfig config() {
    return StoryConfig.defaults();
  }

  @Produces
  @Singleton
  @DefaultBean
  StoryEngine storyEngine() {
    return new ClusteringStoryEngine(config());
  }
}
