package dev.tributary.poll;

import dev.tributary.config.FeedsRegistry;
import dev.tributary.store.SourceStatus;
import dev.tributary.store.SourceStore;
import dev.tributary.store.Totals;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.prometheus.PrometheusMeterRegistry;
import io.prometheus.client.Collector;
import io.quarkus.scheduler.Scheduled;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.jboss.logging.Logger;

/**
 * What an operator graphs and alerts on: sources by health, each source's failures in a row and
 * last success, stored items and stories, whether the last feeds.yaml edit was refused. Read from
 * the database on a schedule of its own, so a scrape never waits on it and many scrapes cost one query;
 * per-source rows without report counts, so a refresh does not scan every stored report.
 *
 * <p>The per-source values are no meters: a Micrometer gauge per source and value held about 600
 * bytes across the composite and Prometheus registries (12 MB of heap for 10,000 sources, as
 * much as 8,000 indexed reports). They are kept as arrays, replaced whole at each refresh, and
 * a collector of the Prometheus registry the scrape reads writes them out.
 */
@ApplicationScoped
public class ServiceGauges {
  private static final Logger LOG = Logger.getLogger(ServiceGauges.class);

  @Inject MeterRegistry registry;
  // the registry /q/metrics scrapes: the per-source values go straight into its collectors
  // (none when the Prometheus export is turned off)
  @Inject Instance<PrometheusMeterRegistry> prometheus;
  @Inject SourceStore sources;
  @Inject FeedsRegistry feeds;

  private final AtomicLong ok = new AtomicLong();
  private final AtomicLong failing = new AtomicLong();
  private final AtomicLong parked = new AtomicLong();
  private final AtomicLong items = new AtomicLong();
  private final AtomicLong stories = new AtomicLong();
  // each active source's values as of the last refresh, read by the scrape
  private volatile PerSource perSource = new PerSource(new String[0], new long[0], new long[0]);

  /** Active sources' ids, failed polls in a row and epoch seconds of the last success ({@link #NEVER}: none). */
  record PerSource(String[] ids, long[] failures, long[] lastSuccess) {}

  static final long NEVER = Long.MIN_VALUE;

  @PostConstruct
  void register() {
    Gauge.builder("tributary.sources", ok, AtomicLong::get).tag("health", "ok")
        .description("active sources by health").register(registry);
    Gauge.builder("tributary.sources", failing, AtomicLong::get).tag("health", "failing").register(registry);
    Gauge.builder("tributary.sources", parked, AtomicLong::get).tag("health", "parked").register(registry);
    Gauge.builder("tributary.items.stored", items, AtomicLong::get).register(registry);
    Gauge.builder("tributary.stories.stored", stories, AtomicLong::get)
        .description("stories not merged into another").register(registry);
    Gauge.builder("tributary.feeds.reload.refused", feeds, f -> f.state().lastError() == null ? 0 : 1)
        .description("1 while the last edit of feeds.yaml was refused and the previous one is in force")
        .register(registry);
    if (prometheus != null && prometheus.isResolvable()) {
      exportTo(prometheus.get());
    }
  }

  /** Writes the per-source values into {@code scraped}'s scrapes. */
  void exportTo(PrometheusMeterRegistry scraped) {
    new SourceCollector().register(scraped.getPrometheusRegistry());
  }

  @Scheduled(every = "15s", delayed = "5s", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
  public void refresh() {
    try {
      update(sources.statuses(), sources.totals());
    } catch (RuntimeException e) {
      // the database being away is reported by readiness; the gauges keep their last values
      LOG.debugf("gauges not refreshed: %s", e.getMessage());
    }
  }

  synchronized void update(List<SourceStatus> health, Totals totals) {
    long okNow = 0;
    long failingNow = 0;
    long parkedNow = 0;
    String[] ids = new String[health.size()];
    long[] failures = new long[health.size()];
    long[] lastSuccess = new long[health.size()];
    int n = 0;
    for (SourceStatus s : health) {
      if (!s.active()) {
        continue;
      }
      if (s.parkedReason() != null) {
        parkedNow++;
      } else if (s.consecutiveFailures() > 0) {
        failingNow++;
      } else {
        okNow++;
      }
      ids[n] = s.id();
      failures[n] = s.consecutiveFailures();
      Instant success = s.lastSuccess();
      lastSuccess[n] = success == null ? NEVER : success.getEpochSecond();
      n++;
    }
    ok.set(okNow);
    failing.set(failingNow);
    parked.set(parkedNow);
    items.set(totals.items());
    stories.set(totals.stories());
    perSource = new PerSource(Arrays.copyOf(ids, n), Arrays.copyOf(failures, n), Arrays.copyOf(lastSuccess, n));
  }

  /** The per-source values of the last refresh. */
  PerSource perSource() {
    return perSource;
  }

  /**
   * Writes the per-source values into the scrape as the gauges {@code tributary_source_failures}
   * and {@code tributary_source_last_success_seconds} (a source without a success yet has none).
   */
  final class SourceCollector extends Collector {
    private static final List<String> LABELS = List.of("source");

    @Override
    public List<MetricFamilySamples> collect() {
      PerSource now = perSource;
      List<MetricFamilySamples.Sample> failures = new ArrayList<>(now.ids().length);
      List<MetricFamilySamples.Sample> successes = new ArrayList<>(now.ids().length);
      for (int i = 0; i < now.ids().length; i++) {
        List<String> source = List.of(now.ids()[i]);
        failures.add(new MetricFamilySamples.Sample("tributary_source_failures", LABELS, source, now.failures()[i]));
        if (now.lastSuccess()[i] != NEVER) {
          successes.add(new MetricFamilySamples.Sample("tributary_source_last_success_seconds", LABELS, source,
              now.lastSuccess()[i]));
        }
      }
      return List.of(
          new MetricFamilySamples("tributary_source_failures", Type.GAUGE, "failed polls in a row, per source", failures),
          new MetricFamilySamples("tributary_source_last_success_seconds", Type.GAUGE,
              "epoch seconds of the last successful poll, per source", successes));
    }
  }
}
