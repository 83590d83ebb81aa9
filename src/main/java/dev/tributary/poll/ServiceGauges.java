package dev.tributary.poll;

import dev.tributary.config.FeedsRegistry;
import dev.tributary.store.SourceStatus;
import dev.tributary.store.SourceStore;
import dev.tributary.store.Totals;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.MultiGauge;
import io.micrometer.core.instrument.Tags;
import io.quarkus.scheduler.Scheduled;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import org.jboss.logging.Logger;

/**
 * What an operator graphs and alerts on: sources by health, each source's failures in a row and
 * last success, stored items and stories, whether the last feeds.yaml edit was refused. Read from
 * the database on a schedule of its own, so a scrape never waits on it and many scrapes cost one query;
 * per-source rows without report counts, so a refresh does not scan every stored report.
 */
@ApplicationScoped
public class ServiceGauges {
  private static final Logger LOG = Logger.getLogger(ServiceGauges.class);

  @Inject MeterRegistry registry;
  @Inject SourceStore sources;
  @Inject FeedsRegistry feeds;

  private final AtomicLong ok = new AtomicLong();
  private final AtomicLong failing = new AtomicLong();
  private final AtomicLong parked = new AtomicLong();
  private final AtomicLong items = new AtomicLong();
  private final AtomicLong stories = new AtomicLong();
  private MultiGauge failures;
  private MultiGauge lastSuccess;
  // each source's values, read at each scrape: a refresh sets them in place and registers gauges
  // only for sources new to the scrape (re-registering 10,000 sources' gauges every refresh was
  // the service's busiest use of the meter registry)
  private Map<String, AtomicLong> failureValues = new HashMap<>();
  private Map<String, AtomicLong> successValues = new HashMap<>();

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
    failures = MultiGauge.builder("tributary.source.failures")
        .description("failed polls in a row, per source").register(registry);
    lastSuccess = MultiGauge.builder("tributary.source.last.success")
        .description("epoch seconds of the last successful poll, per source").baseUnit("seconds").register(registry);
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
    List<MultiGauge.Row<?>> failureRows = new ArrayList<>();
    List<MultiGauge.Row<?>> successRows = new ArrayList<>();
    Map<String, AtomicLong> failuresNow = new HashMap<>();
    Map<String, AtomicLong> successesNow = new HashMap<>();
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
      Tags tags = Tags.of("source", s.id());
      failureRows.add(MultiGauge.Row.of(tags, value(failureValues, failuresNow, s.id(), s.consecutiveFailures()),
          AtomicLong::get));
      Instant success = s.lastSuccess();
      if (success != null) {
        successRows.add(MultiGauge.Row.of(tags, value(successValues, successesNow, s.id(), success.getEpochSecond()),
            AtomicLong::get));
      }
    }
    ok.set(okNow);
    failing.set(failingNow);
    parked.set(parkedNow);
    items.set(totals.items());
    stories.set(totals.stories());
    failureValues = failuresNow;
    successValues = successesNow;
    // no overwrite: a source's gauge reads its value holder, the same from refresh to refresh;
    // sources no longer listed leave the scrape
    failures.register(failureRows, false);
    lastSuccess.register(successRows, false);
  }

  /** The source's value holder of the last refresh (its gauge reads it), set to {@code v}, else a new one. */
  private static AtomicLong value(Map<String, AtomicLong> before, Map<String, AtomicLong> now, String id, long v) {
    AtomicLong holder = before.getOrDefault(id, new AtomicLong());
    holder.set(v);
    now.put(id, holder);
    return holder;
  }
}
