package dev.tributary.poll;

import dev.tributary.config.FeedsRegistry;
import dev.tributary.config.SourceConfig;
import dev.tributary.config.TributarySettings;
import dev.tributary.fetch.FailureKind;
import dev.tributary.fetch.FetchResult;
import dev.tributary.model.NormalizedFeed;
import dev.tributary.store.FetchRecord;
import dev.tributary.store.SourceState;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.random.RandomGenerator;

/** Turns a fetch outcome into what is stored on the source, including when to fetch next. */
@ApplicationScoped
public class SchedulePlanner {
  @Inject TributarySettings settings;
  @Inject FeedsRegistry registry;

  private final RandomGenerator random = RandomGenerator.of("L64X128MixRandom");

  FetchRecord fetched(SourceState s, FetchResult.Fetched f, NormalizedFeed feed, boolean changed, Instant at) {
    Duration interval = configured(s);
    Instant next = next(interval, at);
    String title = feed.feed() == null ? null : feed.feed().title();
    return new FetchRecord(at, f.status(), null, null, f.etag(), f.lastModified(), title, changed, next,
        interval, 0, null, f.permanentRedirect() == null ? null : f.permanentRedirect().toString());
  }

  FetchRecord notModified(SourceState s, FetchResult.NotModified nm, Instant at) {
    Duration interval = configured(s);
    return new FetchRecord(at, 304, null, null, nm.etag(), nm.lastModified(), null, false, next(interval, at),
        interval, 0, null, null);
  }

  FetchRecord failed(SourceState s, FetchResult.Failed f, Instant at) {
    int failures = s.consecutiveFailures() + 1;
    Duration base = configured(s);
    String parked = f.kind() == FailureKind.GONE ? "410 Gone: the publisher removed this feed" : null;
    Duration backoff = base.multipliedBy(1L << Math.min(failures - 1, 10));
    Duration max = settings.poll().maxInterval();
    if (backoff.compareTo(max) > 0) {
      backoff = max;
    }
    if (f.retryAfter() != null && f.retryAfter().compareTo(backoff) > 0) {
      backoff = f.retryAfter();
    }
    return new FetchRecord(at, f.status(), f.message(), f.kind().name(), null, null, null, false,
        next(backoff, at), base, failures, parked, null);
  }

  private Duration configured(SourceState s) {
    return registry.config().source(s.id()).map(SourceConfig::interval).orElse(registry.config().defaultInterval());
  }

  /** Up to 10% jitter so sources polled together drift apart instead of moving in lock-step. */
  private Instant next(Duration interval, Instant at) {
    long jitterMs = (long) (interval.toMillis() * 0.1 * random.nextDouble());
    return at.plus(interval).plusMillis(jitterMs);
  }
}
