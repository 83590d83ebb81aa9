package dev.tributary.poll;

import dev.tributary.fetch.CacheHints;
import dev.tributary.fetch.FailureKind;
import dev.tributary.store.Schedule;
import dev.tributary.store.Schedule.Rhythm;
import dev.tributary.store.Schedule.Status;
import java.time.Duration;
import java.time.Instant;
import java.util.random.RandomGenerator;

/**
 * Pure schedule arithmetic: given what a poll came to, when is the source due next. Time and
 * randomness come in as arguments, so the same inputs always give the same answer.
 *
 * <p>Healthy sources: the interval adapts to how often the feed really changes (half the smoothed
 * time between changes, or the time since the last one if that is longer), never faster than
 * configured and never slower than configured × maxStretch or maxInterval. RSS ttl raises the
 * interval; Cache-Control max-age, Expires and Retry-After push the next poll out. All floors are
 * capped at maxInterval so a bogus header cannot stop polling. Failing sources back off
 * exponentially to maxBackoff and keep trying; only 410 Gone parks a source.
 */
public final class SchedulePolicy {
  private final ScheduleSettings settings;
  private final RandomGenerator random;

  public SchedulePolicy(ScheduleSettings settings, RandomGenerator random) {
    this.settings = settings;
    this.random = random;
  }

  public Schedule next(Schedule prev, Duration configured, PollOutcome outcome, Instant now) {
    Duration base = max(configured, settings.minInterval());
    if (outcome instanceof PollOutcome.Changed c) {
      Rhythm rhythm = prev.rhythm();
      Duration mean = rhythm.meanChangeInterval();
      if (rhythm.lastChange() != null && now.isAfter(rhythm.lastChange())) {
        Duration observed = Duration.between(rhythm.lastChange(), now);
        mean = mean == null ? observed : blend(mean, observed);
      }
      Integer ttl = c.ttlMinutes() != null ? c.ttlMinutes() : rhythm.ttlMinutes();
      return healthy(base, now, new Rhythm(now, mean, ttl), c.hints());
    }
    if (outcome instanceof PollOutcome.Unchanged u) {
      Rhythm rhythm = prev.rhythm();
      Integer ttl = u.ttlMinutes() != null ? u.ttlMinutes() : rhythm.ttlMinutes();
      return healthy(base, now, new Rhythm(rhythm.lastChange(), rhythm.meanChangeInterval(), ttl), u.hints());
    }
    PollOutcome.Failure f = (PollOutcome.Failure) outcome;
    if (f.kind() == FailureKind.GONE) {
      return new Schedule(Status.PARKED, null, prev.interval(), prev.failures() + 1, now, prev.rhythm(),
          f.message() == null ? "410 Gone: the publisher removed this feed" : f.message());
    }
    Duration interval = prev.interval() != null ? prev.interval() : base;
    if (f.kind() == FailureKind.DEFERRED) {
      // not this source's fault: no failure counted, just wait for the host
      Duration wait = f.retryAfter() != null ? min(f.retryAfter(), settings.maxInterval()) : settings.minInterval();
      // spread over the wait itself (a busy host: seconds; a Retry-After pause: longer), not the whole interval
      Instant due = now.plus(wait).plus(spread(min(interval, max(wait, Duration.ofSeconds(10)))));
      return new Schedule(prev.status(), due, prev.interval(), prev.failures(), now, prev.rhythm(), null);
    }
    int failures = prev.failures() + 1;
    Duration delay = jittered(backoff(interval, failures));
    Instant due = now.plus(delay);
    Instant floor = floor(now, f.hints(), f.retryAfter());
    if (floor.isAfter(due)) due = floor.plus(spread(interval));
    return new Schedule(Status.BACKING_OFF, due, prev.interval(), failures, now, prev.rhythm(), null);
  }

  /** Pushes a source past its host's pause (the fetcher's {@code pausedUntil}), spread out a little. */
  public Schedule deferTo(Schedule s, Instant notBefore) {
    if (s.status() == Status.PARKED || (s.nextDue() != null && !s.nextDue().isBefore(notBefore))) return s;
    Duration interval = s.interval() != null ? s.interval() : settings.minInterval();
    return s.withNextDue(notBefore.plus(spread(interval)));
  }

  /** An admin (or a config change) brings a parked source back: due at once, slate clean. */
  public Schedule unpark(Schedule s, Instant now) {
    return new Schedule(Status.ACTIVE, now, s.interval(), 0, s.lastAttempt(), s.rhythm(), null);
  }

  /** The interval a healthy source would get now, before floors and jitter. */
  public Duration adaptiveInterval(Duration configured, Instant lastChange, Duration meanChange, Instant now) {
    Duration lower = max(configured, settings.minInterval());
    Duration upper = max(lower, min(scale(lower, settings.maxStretch()), settings.maxInterval()));
    if (lastChange == null) return lower;
    Duration sinceChange = now.isAfter(lastChange) ? Duration.between(lastChange, now) : Duration.ZERO;
    Duration estimate = meanChange == null ? sinceChange : max(meanChange, sinceChange);
    // twice per expected change: a new item waits about a quarter of the change interval on average
    return clamp(estimate.dividedBy(2), lower, upper);
  }

  private Schedule healthy(Duration base, Instant now, Rhythm rhythm, CacheHints hints) {
    Duration interval = adaptiveInterval(base, rhythm.lastChange(), rhythm.meanChangeInterval(), now);
    Integer ttl = rhythm.ttlMinutes();
    if (ttl != null && ttl > 0) {
      interval = max(interval, min(Duration.ofMinutes(ttl), settings.maxInterval()));
    }
    Instant due = now.plus(jittered(interval));
    Instant floor = floor(now, hints, null);
    if (floor.isAfter(due)) due = floor.plus(spread(interval));
    return new Schedule(Status.ACTIVE, due, interval, 0, now, rhythm, null);
  }

  /** The latest of max-age, Expires and Retry-After, each capped at maxInterval from now. */
  private Instant floor(Instant now, CacheHints hints, Duration retryAfter) {
    Instant cap = now.plus(settings.maxInterval());
    Instant floor = now;
    if (hints != null && hints.maxAge() != null) floor = later(floor, now.plus(min(hints.maxAge(), settings.maxInterval())));
    if (hints != null && hints.expires() != null) floor = later(floor, hints.expires().isAfter(cap) ? cap : hints.expires());
    if (retryAfter != null) floor = later(floor, now.plus(min(retryAfter, settings.maxInterval())));
    return floor;
  }

  private Duration backoff(Duration interval, int failures) {
    Duration cap = max(settings.maxBackoff(), interval);
    int doublings = Math.min(failures - 1, 30);
    double seconds = interval.toSeconds() * Math.pow(2, doublings);
    return seconds >= cap.toSeconds() ? cap : Duration.ofSeconds((long) seconds);
  }

  private Duration jittered(Duration d) {
    if (settings.jitter() == 0) return d;
    return scale(d, 1 + settings.jitter() * random.nextDouble(-1, 1));
  }

  /** A non-negative offset so sources released at one instant do not arrive together. */
  private Duration spread(Duration interval) {
    if (settings.jitter() == 0) return Duration.ZERO;
    return scale(interval, settings.jitter() * random.nextDouble());
  }

  private Duration blend(Duration mean, Duration observed) {
    double w = settings.ewmaWeight();
    return Duration.ofMillis(Math.round(mean.toMillis() * (1 - w) + observed.toMillis() * w));
  }

  private static Duration scale(Duration d, double factor) {
    return Duration.ofMillis(Math.round(d.toMillis() * factor));
  }

  private static Duration clamp(Duration d, Duration lo, Duration hi) {
    return max(lo, min(d, hi));
  }

  private static Duration max(Duration a, Duration b) {
    return a.compareTo(b) >= 0 ? a : b;
  }

  private static Duration min(Duration a, Duration b) {
    return a.compareTo(b) <= 0 ? a : b;
  }

  private static Instant later(Instant a, Instant b) {
    return a.isAfter(b) ? a : b;
  }
}
