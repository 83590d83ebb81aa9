package dev.tributary.poll;

import dev.tributary.config.FeedsRegistry;
import dev.tributary.config.SourceConfig;
import dev.tributary.config.TributarySettings;
import dev.tributary.fetch.FetchResult;
import dev.tributary.model.NormalizedFeed;
import dev.tributary.store.FetchRecord;
import dev.tributary.store.SourceState;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
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
    ScheduleState next = policy.next(schedule(s), configured(s), PollOutcome.of(f, changed, ttl), at);
    String title = feed.feed() == null ? null : feed.feed().title();
    return record(at, f.status(), null, null, f.etag(), f.lastModified(), title, next,
        f.permanentRedirect() == null ? null : f.permanentRedirect().toString());
  }

  FetchRecord notModified(SourceState s, FetchResult.NotModified nm, Instant at) {
    ScheduleState next = policy.next(schedule(s), configured(s), PollOutcome.of(nm, false, null), at);
    return record(at, 304, null, null, nm.etag(), nm.lastModified(), null, next,
        nm.permanentRedirect() == null ? null : nm.permanentRedirect().toString());
  }

  FetchRecord failed(SourceState s, FetchResult.Failed f, Instant at) {
    ScheduleState next = policy.next(schedule(s), configured(s), PollOutcome.of(f, false, null), at);
    return record(at, f.status(), f.message(), f.kind().name(), null, null, null, next, null);
  }

  private static FetchRecord record(Instant at, Integer status, String error, String kind, String etag,
      String lastModified, String title, ScheduleState next, String movedTo) {
    return new FetchRecord(at, status, error, kind, etag, lastModified, title, next.lastChange(), next.nextDue(),
        next.currentInterval(), next.consecutiveFailures(), next.parkedReason(), movedTo, next.meanChangeInterval(),
        next.ttlMinutes());
  }

  private static ScheduleState schedule(SourceState s) {
    ScheduleStatus status = s.parkedReason() != null ? ScheduleStatus.PARKED
        : s.consecutiveFailures() > 0 ? ScheduleStatus.BACKING_OFF : ScheduleStatus.ACTIVE;
    return new ScheduleState(status, null, s.interval(), s.consecutiveFailures(), s.lastFetch(), s.lastChange(),
        s.meanChangeInterval(), s.ttlMinutes(), s.parkedReason());
  }

  private Duration configured(SourceState s) {
    return registry.config().source(s.id()).map(SourceConfig::interval).orElse(registry.config().defaultInterval());
  }
}
