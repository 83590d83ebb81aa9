package dev.tributary.ingest;

import dev.tributary.story.Speculation;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Where an assigning transaction's time under the cluster-wide lock goes, phase by phase
 * ({@code tributary_ingest_lock_phase_seconds{phase}}), and how much of each the holding thread
 * was on a core ({@code tributary_ingest_lock_phase_cpu_seconds{phase}}: the rest it waited for
 * the database or for a core). A few clock reads per batch, not per report.
 */
final class LockPhases {
  static final String[] PHASES = {"catch-up", "stamps", "decide", "write", "sources", "commit"};
  private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();

  private final Map<String, Timer> timers = new LinkedHashMap<>();
  private final Map<String, Timer> cpuTimers = new LinkedHashMap<>();
  private final Counter caughtUp;
  private final Counter[] redecided;

  LockPhases(MeterRegistry metrics) {
    for (String phase : PHASES) {
      timers.put(phase, Timer.builder("tributary.ingest.lock.phase").tag("phase", phase)
          .description("time under the cluster-wide assignment lock, by phase of the assigning transaction")
          .register(metrics));
      cpuTimers.put(phase, Timer.builder("tributary.ingest.lock.phase.cpu").tag("phase", phase)
          .description("CPU time of the thread holding the assignment lock, by phase").register(metrics));
    }
    caughtUp = Counter.builder("tributary.ingest.lock.caught.up")
        .description("other replicas' reports indexed under the assignment lock").register(metrics);
    Speculation.Why[] whys = Speculation.Why.values();
    redecided = new Counter[whys.length];
    for (Speculation.Why why : whys) {
      redecided[why.ordinal()] = Counter.builder("tributary.ingest.lock.redecided")
          .tag("why", why.name().toLowerCase(Locale.ROOT).replace('_', '-'))
          .description("reports decided ahead of the assignment lock and decided again under it, because a report caught"
              + " up on could have changed the decision, by why").register(metrics);
    }
  }

  /** One holding of the lock, timed from when it was taken. */
  Lap start() {
    return new Lap();
  }

  final class Lap {
    private final long taken = System.nanoTime();
    private long last = taken;
    private long lastCpu = cpuNow();

    /** Nanoseconds since the lock was taken. */
    long held() {
      return System.nanoTime() - taken;
    }

    void caughtUp(int reports) {
      caughtUp.increment(reports);
    }

    /** Decisions taken again under the lock, by {@link Speculation.Why} ordinal. */
    void redecided(int[] byWhy) {
      for (int i = 0; i < byWhy.length; i++) {
        if (byWhy[i] > 0) {
          redecided[i].increment(byWhy[i]);
        }
      }
    }

    /** The phase that just ended. */
    void lap(String phase) {
      long now = System.nanoTime();
      long cpuNow = cpuNow();
      timers.get(phase).record(now - last, TimeUnit.NANOSECONDS);
      cpuTimers.get(phase).record(Math.max(0, cpuNow - lastCpu), TimeUnit.NANOSECONDS);
      last = now;
      lastCpu = cpuNow;
    }
  }

  private static long cpuNow() {
    return THREADS.isCurrentThreadCpuTimeSupported() ? THREADS.getCurrentThreadCpuTime() : 0;
  }
}
