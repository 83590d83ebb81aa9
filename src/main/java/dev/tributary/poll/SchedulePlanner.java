package dev.tributary.poll;

import dev.tributary.config.FeedsRegistry;
import dev.tributary.config.SourceConfig;
import dev.tributary.config.TributarySettings;
import dev.tributary.fetch.FetchResult;
import dev.tributary.model.NormalizedFeed;
import dev.tributary.store.FetchRecord;
import dev.tributary.store.Schedule;
import dev.tributary.store.SourceState;
import dev.tributary.store.Validators;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.random.RandomGenerator;

/** Turns a fetch outcome into what is stored on the source, using the pure {@link SchedulePolicy}. */
@ApplicationScoped
public class SchedulePlanner {
  @Inject TributarySettings settings;
  @Inject FeedsRegistry registry;

  private SchedulePolicy policy;

  @PostConstruct
  void init() {
    policy = new SchedulePolicy(ScheduleSettings.of(settings.poll()), RandomGenerator.of("L64X128MixRandom"));
  }

  FetchRecord fetched(SourceState s, FetchResult.Fetched f, NormalizedFeed feed, boolean changed, Instant at) {
    Integer ttl = feed.feed() == null ? null : feed.feed().ttl();
    Schedule next = policy.next(s.schedule(), configured(s), PollOutcome.of(f, changed, ttl), at);
    String title = feed.feed() == null ? null : feed.feed().title();
    return new FetchRecord(at, f.status(), null, null, new Validators(f.etag(), f.lastModified()), title,
        movedTo(f.permanentRedirect()), next);
  }

  FetchRecord notModified(SourceState s, FetchResult.NotModified nm, Instant at) {
    Schedule next = policy.next(s.schedule(), configured(s), PollOutcome.of(nm, false, null), at);
    return new FetchRecord(at, 304, null, null, new Validators(nm.etag(), nm.lastModified()), null,
        movedTo(nm.permanentRedirect()), next);
  }

  FetchRecord failed(SourceState s, FetchResult.Failed f, Instant at) {
    Schedule next = policy.next(s.schedule(), configured(s), PollOutcome.of(f, false, null), at);
    return new FetchRecord(at, f.status(), f.message(), f.kind().name(), Validators.NONE, null, null, next);
  }

  private static String movedTo(URI permanentRedirect) {
    return permanentRedirect == null ? null : permanentRedirect.toString();
  }

  private Duration configured(SourceState s) {
    return registry.config().source(s.id()).map(SourceConfig::interval).orElse(registry.config().defaultInterval());
  }
}
