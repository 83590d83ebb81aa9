package dev.tributary.config;

import dev.tributary.fetch.FetchSettings;
import dev.tributary.ingest.StoryEngineProducer;
import dev.tributary.poll.PipelineProducers;
import dev.tributary.poll.ScheduleSettings;
import dev.tributary.story.StoryConfig;
import io.quarkus.runtime.configuration.DurationConverter;
import io.smallrye.config.SmallRyeConfig;
import io.smallrye.config.SmallRyeConfigBuilder;
import java.time.Duration;

/**
 * The settings a service with no configuration runs on, read from the {@code @ConfigMapping}
 * itself, so unit tests start from the same defaults as production (there is no second copy).
 */
public final class DefaultSettings {
  private static final TributarySettings MAPPING = load();

  private DefaultSettings() {}

  public static TributarySettings mapping() {
    return MAPPING;
  }

  public static FetchSettings fetch() {
    return PipelineProducers.fetchSettings(MAPPING.fetch());
  }

  public static StoryConfig story() {
    return StoryEngineProducer.storyConfig(MAPPING.stories().clustering());
  }

  public static ScheduleSettings schedule() {
    return ScheduleSettings.of(MAPPING.poll());
  }

  private static TributarySettings load() {
    // Quarkus' own converter, so "10s" and "30d" read as the running service reads them
    SmallRyeConfig config = new SmallRyeConfigBuilder()
        .withConverter(Duration.class, 200, new DurationConverter())
        .withMapping(TributarySettings.class)
        .build();
    return config.getConfigMapping(TributarySettings.class);
  }
}
