package dev.tributary.ingest;

import dev.tributary.config.TributarySettings;
import dev.tributary.story.ClusteringStoryEngine;
import dev.tributary.story.PairModel;
import dev.tributary.story.StoryConfig;
import dev.tributary.story.StoryEngine;
import io.quarkus.arc.DefaultBean;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Inject;
import org.jboss.logging.Logger;

/** The story engine the ingest workflow assigns with, and the configuration it runs on. */
@ApplicationScoped
public class StoryEngineProducer {
  private static final Logger LOG = Logger.getLogger(StoryEngineProducer.class);

  @Inject TributarySettings settings;

  public StoryConfig config() {
    return storyConfig(settings.stories().clustering());
  }

  // Application-scoped, so built on first use (the index loader's thread once the server listens)
  // rather than when a start-up observer injects it: the analyzers, ICU data and pair model took
  // 0.2-0.6 s of start-up CPU that readiness does not need (it reports the index as loading).
  @Produces
  @ApplicationScoped
  @DefaultBean
  StoryEngine storyEngine() {
    // sized from the old generation of the heap the JVM was given (a container's memory limit), not a fixed count
    int capacity = ClusteringStoryEngine.capacity();
    LOG.infof("story index capacity items=%d maxHeapMb=%d", capacity, Runtime.getRuntime().maxMemory() >> 20);
    return new ClusteringStoryEngine(config(), PairModel.shipped(), capacity);
  }

  /** The engine's configuration from the settings group: the mapping holds the only defaults. */
  public static StoryConfig storyConfig(TributarySettings.Clustering c) {
    return new StoryConfig(
        c.window(), c.statsHorizon(), c.joinThreshold(), c.duplicateThreshold(), c.meanShare(),
        c.titleWeight(), c.nameWeight(), c.maxTokens(), c.queryKeys(), c.maxCandidates(),
        c.maxPostings(), c.sourceRepeatRate(), c.headlineMixture(), c.mixtureAlpha(), c.refinePasses(),
        c.supportShare(), c.supportFloor());
  }
}
