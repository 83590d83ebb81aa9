package dev.tributary.poll;

import dev.tributary.config.TributarySettings;
import java.time.Duration;

/**
 * Bounds of the schedule policy, built from {@code tributary.poll.*} (the settings carry the defaults).
 *
 * @param minInterval no source is polled more often than this, whatever its configuration says
 * @param maxInterval ceiling of the adaptive interval and of every server-given floor
 * @param maxStretch a quiet feed's interval grows to at most this many times the configured one
 * @param ewmaWeight weight of the newest observed change interval in the running mean (0..1]
 * @param jitter relative spread of every delay (0.1 = ±10 %), so sources drift apart
 * @param maxBackoff longest wait between retries of a failing source (unless its interval is longer)
 */
public record ScheduleSettings(
    Duration minInterval,
    Duration maxInterval,
    double maxStretch,
    double ewmaWeight,
    double jitter,
    Duration maxBackoff) {

  public ScheduleSettings {
    if (minInterval.isNegative() || minInterval.isZero()) throw new IllegalArgumentException("minInterval must be positive");
    if (maxInterval.compareTo(minInterval) < 0) throw new IllegalArgumentException("maxInterval < minInterval");
    if (maxStretch < 1) throw new IllegalArgumentException("maxStretch must be >= 1");
    if (ewmaWeight <= 0 || ewmaWeight > 1) throw new IllegalArgumentException("ewmaWeight must be in (0, 1]");
    if (jitter < 0 || jitter >= 1) throw new IllegalArgumentException("jitter must be in [0, 1)");
  }

  public static ScheduleSettings of(TributarySettings.Poll p) {
    return new ScheduleSettings(p.minInterval(), p.maxInterval(), p.maxStretch(), p.ewmaWeight(), p.jitter(),
        p.maxBackoff());
  }

  public ScheduleSettings withJitter(double j) {
    return new ScheduleSettings(minInterval, maxInterval, maxStretch, ewmaWeight, j, maxBackoff);
  }
}
