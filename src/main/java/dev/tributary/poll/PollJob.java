package dev.tributary.poll;

import dev.tributary.config.FeedsRegistry;
import dev.tributary.config.SourceConfig;
import dev.tributary.config.TributarySettings;
import dev.tributary.fetch.FailureKind;
import dev.tributary.fetch.FeedFetcher;
import dev.tributary.fetch.FetchRequest;
import dev.tributary.fetch.FetchResult;
import dev.tributary.ingest.CpuSlots;
import dev.tributary.ingest.IngestReport;
import dev.tributary.ingest.IngestService;
import dev.tributary.ingest.StoryIndexLoader;
import dev.tributary.parse.FeedDocument;
import dev.tributary.parse.FeedParser;
import dev.tributary.parse.ParseResult;
import dev.tributary.store.FetchRecord;
import dev.tributary.store.SourceState;
import dev.tributary.store.SourceStore;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.quarkus.runtime.ShutdownDelayInitiatedEvent;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.quarkus.scheduler.Scheduled;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.net.URI;
import java.time.Instant;
import java.time.InstantSource;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.jboss.logging.Logger;

/**
 * The thin scheduled job: claims due sources and runs fetch → parse → store for each on its own
 * bounded pool, so request threads never wait on the network and no transaction spans I/O.
 */
@ApplicationScoped
public class PollJob {
  private static final Logger LOG = Logger.getLogger(PollJob.class);

  @Inject TributarySettings settings;
  @Inject FeedsRegistry registry;
  @Inject SourceStore sources;
  @Inject FeedFetcher fetcher;
  @Inject FeedParser parser;
  @Inject IngestService ingest;
  @Inject CpuSlots cpu;
  @Inject SchedulePlanner planner;
  @Inject InstantSource clock;
  @Inject MeterRegistry metrics;

  private final ClaimBook claims = new ClaimBook();
  private PollPool pool;
  // closed until start-up has finished, and again once shutdown begins
  private volatile boolean accepting;

  @PostConstruct
  void init() {
    pool = new PollPool(settings.poll().threads(), settings.poll().threads() * settings.poll().queuePerThread());
    if (settings.poll().heartbeat().multipliedBy(2).compareTo(settings.poll().lease()) > 0) {
      LOG.warnf("tributary.poll.heartbeat=%s is more than half tributary.poll.lease=%s: leases may lapse"
          + " while fetches run", settings.poll().heartbeat(), settings.poll().lease());
    }
  }

  /** The last start-up observer: nothing is claimed by a replica that might still fail to start. */
  void started(@Observes @Priority(Integer.MAX_VALUE) StartupEvent event) {
    accepting = true;
  }

  /** SIGTERM with a drain delay: readiness is DOWN, reads are served; claim nothing more, hand back the queue. */
  void draining(@Observes ShutdownDelayInitiatedEvent event) {
    stopClaiming();
  }

  void onStop(@Observes ShutdownEvent event) {
    stopClaiming();
    pool.close(settings.poll().stopGrace());
    handBack(claims.dropAll());
  }

  /** Stops claiming and hands back every claim no fetch thread has started, so other replicas take them at once. */
  public void stopClaiming() {
    accepting = false;
    handBack(claims.dropQueued());
  }

  private synchronized void handBack(Map<String, Instant> held) {
    if (!held.isEmpty()) {
      int released = sources.release(held, clock.instant());
      LOG.infof("claims handed back released=%d held=%d", released, held.size());
    }
  }

  /** Starts what is due and returns at once: a slow publisher never holds up the next tick. */
  @Scheduled(every = "${tributary.poll.tick:1s}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
  void tick() {
    if (writeHealth.failure().isPresent()) {
      return; // the database refuses writes: WriteHealth said so once, and probes until it recovers
    }
    if (!storyIndex.loaded()) {
      return; // the service serves already; it claims once the index can decide stories
    }
    startDue();
  }

  @Inject WriteHealth writeHealth;
  @Inject StoryIndexLoader storyIndex;

  /** Renews the leases of every source held here, queued or running, so none lapses while this replica lives. */
  @Scheduled(every = "${tributary.poll.heartbeat:5s}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
  public synchronized void renewLeases() {
    Map<String, Instant> held = claims.held();
    if (held.isEmpty()) {
      return;
    }
    Instant until = leaseEnd();
    Set<String> renewed = sources.renew(held, until);
    claims.renewed(renewed, until);
  }

  /** Claims what is due now, starts it, and waits until every claimed poll has finished. */
  public List<PollReport> runDue() {
    return startDue().stream().map(CompletableFuture::join).toList();
  }

  // whole milliseconds: the lease end is compared for equality after a round trip through the database
  private Instant leaseEnd() {
    return clock.instant().plus(settings.poll().lease()).truncatedTo(ChronoUnit.MILLIS);
  }

  private List<CompletableFuture<PollReport>> startDue() {
    int capacity = Math.max(0, settings.poll().threads() * settings.poll().queuePerThread() - claims.size());
    if (capacity == 0 || !accepting || pool.isShutdown()) {
      return List.of();
    }
    Instant until = leaseEnd();
    List<String> claimed = sources.claimDue(clock.instant(), until, capacity);
    List<CompletableFuture<PollReport>> running = new ArrayList<>();
    for (String id : claimed) {
      if (claims.add(id, until)) {
        running.add(pool.submit(() -> {
          if (!claims.start(id)) {
            return new PollReport(id, PollReport.Result.DEFERRED, 0, 0, "claim handed back at shutdown");
          }
          try {
            return poll(id);
          } finally {
            claims.finish(id);
          }
        }, () -> {
          claims.finish(id);
          handBack(Map.of(id, until));
          return new PollReport(id, PollReport.Result.DEFERRED, 0, 0, "poll queue full");
        }).whenComplete((report, error) -> {
          if (error != null) {
            LOG.errorf(error, "poll crashed source=%s; retried when its claim lapses", id);
          }
        }));
      }
    }
    return running;
  }

  /** Fetches one source now, whatever its schedule. */
  public PollReport poll(String sourceId) {
    SourceState state = sources.state(sourceId).orElse(null);
    if (state == null) {
      return new PollReport(sourceId, PollReport.Result.UNKNOWN, 0, 0, "no such source");
    }
    String languageHint = registry.config().source(sourceId).map(SourceConfig::language).orElse(null);
    Instant started = clock.instant();
    long t0 = System.nanoTime();
    FetchResult result = fetcher.fetch(
        new FetchRequest(URI.create(state.url()), state.validators().etag(), state.validators().lastModified()));
    Timer.builder("tributary.fetch.duration").description("one fetch of a publisher's feed, redirects included")
        .tag("outcome", outcomeOf(result)).publishPercentileHistogram().register(metrics)
        .record(System.nanoTime() - t0, TimeUnit.NANOSECONDS);
    PollReport outcome;
    try {
      if (result instanceof FetchResult.Fetched f) {
        outcome = stored(state, f, languageHint, started);
      } else if (result instanceof FetchResult.NotModified nm) {
        record(state, planner.notModified(state, nm, started));
        outcome = new PollReport(sourceId, PollReport.Result.NOT_MODIFIED, 0, 0, null);
      } else if (result instanceof FetchResult.Failed deferred && deferred.kind() == FailureKind.DEFERRED) {
        // nothing was fetched: keep the last real outcome on show (error, status), only move the next attempt
        sources.defer(sourceId, planner.failed(state, deferred, started).next().nextDue());
        outcome = new PollReport(sourceId, PollReport.Result.DEFERRED, 0, 0, deferred.message());
      } else {
        FetchResult.Failed failed = (FetchResult.Failed) result;
        record(state, planner.failed(state, failed, started));
        outcome = new PollReport(sourceId, PollReport.Result.FAILED, 0, 0, failed.message());
      }
    } catch (RuntimeException e) {
      // A storage failure must not stop the source: record it and try again on the backoff schedule.
      LOG.errorf(e, "poll failed source=%s", sourceId);
      record(state, planner.failed(state, new FetchResult.Failed(
          FailureKind.IO, null, "storing failed: " + e.getMessage(), null, null), started));
      outcome = new PollReport(sourceId, PollReport.Result.FAILED, 0, 0, e.getMessage());
    }
    metrics.counter("tributary.polls", "result", outcome.result().label()).increment();
    LOG.debugf("polled source=%s result=%s added=%d updated=%d error=%s", sourceId, outcome.result(),
        outcome.added(), outcome.updated(), outcome.error());
    return outcome;
  }

  private PollReport stored(SourceState state, FetchResult.Fetched f, String languageHint, Instant started) {
    ParseResult parsed = cpu.call(() -> parser.parse(
        new FeedDocument(f.body(), f.contentType(), f.contentLocation(), f.finalUrl(), f.contentLanguage())));
    if (parsed instanceof ParseResult.NotAFeed notAFeed) {
      FetchResult.Failed failed = new FetchResult.Failed(FailureKind.PARSE, f.status(),
          "not a feed: " + notAFeed.reason(), null, f.hints());
      record(state, planner.failed(state, failed, started));
      return new PollReport(state.id(), PollReport.Result.FAILED, 0, 0, failed.message());
    }
    var feed = ((ParseResult.Parsed) parsed).feed();
    // the outcome is stored with the feed's entries, in the transaction that stores them
    FetchRecord[] recorded = new FetchRecord[1];
    IngestReport report = ingest.ingest(state.id(), feed, languageHint,
        changed -> recorded[0] = planner.fetched(state, f, feed, changed, started));
    metrics.counter("tributary.items.added").increment(report.added());
    logHealthChange(state, recorded[0]);
    return new PollReport(state.id(), PollReport.Result.FETCHED, report.added(), report.updated(), null);
  }

  private static String outcomeOf(FetchResult result) {
    if (result instanceof FetchResult.Fetched) return "fetched";
    if (result instanceof FetchResult.NotModified) return "not-modified";
    return ((FetchResult.Failed) result).kind().name().toLowerCase(Locale.ROOT);
  }

  /** Stores the outcome; a change of health (failing, recovered, parked) is logged once, at INFO. */
  private void record(SourceState before, FetchRecord after) {
    sources.record(before.id(), after);
    logHealthChange(before, after);
  }

  private void logHealthChange(SourceState before, FetchRecord after) {
    HealthChange.between(before, after).ifPresent(change -> LOG.infof(
        "source %s source=%s url=%s failures=%d error=%s next=%s parked=%s", change.label(), before.id(),
        before.url(), after.next().failures(), after.error(), after.next().nextDue(), after.next().parkedReason()));
  }
}
