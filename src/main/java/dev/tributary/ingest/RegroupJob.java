package dev.tributary.ingest;

import dev.tributary.config.TributarySettings;
import dev.tributary.story.ClusteringStoryEngine;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;

/**
 * Regroups stories once items have arrived out of publication order: when ingestion has been
 * quiet for a moment (the end of a polling burst: no feed being ingested and none assigned for a
 * while), or after a bounded delay however busy it is.
 */
@ApplicationScoped
public class RegroupJob {

  @Inject TributarySettings settings;
  @Inject StoryRegrouper regrouper;
  @Inject IngestService ingest;
  @Inject InstantSource clock;
  @Inject MeterRegistry metrics;

  // when this job first saw regrouping due, null when it is not
  private Instant dueSince;
  // feeds whose ingestion had begun at the last tick
  private long begunAtLastTick = -1;

  @Scheduled(every = "1s", delayed = "1s", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
  void tick() {
    long begun = ingest.ingestsBegun();
    boolean arrived = begun != begunAtLastTick;
    begunAtLastTick = begun;
    if (!regrouper.due()) {
      dueSince = null;
      return;
    }
    Instant now = clock.instant();
    if (dueSince == null) {
      dueSince = now;
    }
    var s = settings.stories();
    if (timeToRun(now, arrived || ingest.ingesting(), ingest.lastAssigned(), dueSince, s.regroupQuiet(), s.regroupMaxDelay())) {
      runNow();
    }
  }

  /**
   * Once ingestion has been quiet for {@code quiet} (no feed being ingested now, none begun since
   * the last tick: {@code busy} false; the last report assigned that long ago), or {@code maxDelay}
   * after regrouping fell due. Feeds being ingested keep it waiting even when the last assignment
   * is older: in a burst a batch decided under load (or the lock held by the previous regrouping)
   * can leave more than {@code quiet} between two assignments, and so can a moment the whole
   * process was not scheduled on a busy machine; a regrouping then, which takes the assignment
   * lock to apply its moves, would hold up the burst and make room for the next one.
   */
  static boolean timeToRun(Instant now, boolean busy, Instant lastAssigned, Instant dueSince, Duration quiet,
      Duration maxDelay) {
    boolean isQuiet = !busy && !lastAssigned.plus(quiet).isAfter(now);
    boolean overdue = !dueSince.plus(maxDelay).isAfter(now);
    return isQuiet || overdue;
  }

  /** Regroups now if anything is due; returns the number of items that changed story. */
  public int runNow() {
    dueSince = null;
    Timer.Sample sample = Timer.start(metrics);
    // the setting bounds the pause; the heap bounds the copy and plan a regrouping holds meanwhile
    int items = ClusteringStoryEngine.regroupCapacityFor(Runtime.getRuntime().maxMemory(),
        settings.stories().regroupMaxItems());
    var report = regrouper.regroup(items);
    sample.stop(Timer.builder("tributary.stories.regroup.duration")
        .description("one regrouping, computed while ingestion goes on; only applying its moves waits for the assignment lock").register(metrics));
    metrics.counter("tributary.stories.regrouped.items").increment(report.moved());
    return report.moved();
  }
}
