package dev.tributary.poll;

import dev.tributary.config.FeedsRegistry;
import dev.tributary.config.SourceConfig;
import dev.tributary.config.TributarySettings;
import dev.tributary.fetch.FailureKind;
import dev.tributary.fetch.FeedFetcher;
import dev.tributary.fetch.FetchRequest;
import dev.tributary.fetch.FetchResult;
import dev.tributary.parse.FeedDocument;
import dev.tributary.parse.FeedParser;
import dev.tributary.parse.ParseResult;
import dev.tributary.store.FetchRecord;
import dev.tributary.store.IngestReport;
import dev.tributary.store.IngestService;
import dev.tributary.store.SourceState;
import dev.tributary.store.SourceStore;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.scheduler.Scheduled;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
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
  @Inject SchedulePlanner planner;
  @Inject InstantSource clock;
  @Inject MeterRegistry metrics;

  private final Set<String> inFlight = ConcurrentHashMap.newKeySet();
  private PollPool pool;

  @PostConstruct
  void init() {
    pool = new PollPool(settings.poll().threads(), settings.poll().threads() * settings.poll().queuePerThread());
  }

  void onStop(@Observes ShutdownEvent event) {
    pool.close(Duration.ofSeconds(20));
  }

  /** Starts what is due and returns at once: a slow publisher never holds up the next tick. */
  @Scheduled(every = "${tributary.poll.tick:1s}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
  void tick() {
    startDue();
  }

  /** Claims what is due now, starts it, and waits until every claimed poll has finished. */
  public List<PollReport> runDue() {
    return startDue().stream().map(CompletableFuture::join).toList();
  }

  private List<CompletableFuture<PollReport>> startDue() {
    int capacity = Math.max(0, settings.poll().threads() * settings.poll().queuePerThread() - inFlight.size());
    if (capacity == 0 || pool.isShutdown()) {
      return List.of();
    }
    List<String> claimed = sources.claimDue(clock.instant(), settings.poll().lease(), capacity);
    List<CompletableFuture<PollReport>> running = new ArrayList<>();
    for (String id : claimed) {
      if (inFlight.add(id)) {
        running.add(pool.submit(() -> {
          try {
            return poll(id);
          } finally {
            inFlight.remove(id);
          }
        }, () -> {
          // the claim lapses after its lease and the source is claimed again
          inFlight.remove(id);
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
    FetchResult result = fetcher.fetch(new FetchRequest(URI.create(state.url()), state.etag(), state.lastModified()));
    PollReport outcome;
    try {
      if (result instanceof FetchResult.Fetched f) {
        outcome = stored(state, f, languageHint, started);
      } else if (result instanceof FetchResult.NotModified nm) {
        sources.record(sourceId, planner.notModified(state, nm, started));
        outcome = new PollReport(sourceId, PollReport.Result.NOT_MODIFIED, 0, 0, null);
      } else if (result instanceof FetchResult.Failed deferred && deferred.kind() == FailureKind.DEFERRED) {
        // nothing was fetched: keep the last real outcome on show (error, status), only move the next attempt
        sources.defer(sourceId, planner.failed(state, deferred, started).nextFetch());
        outcome = new PollReport(sourceId, PollReport.Result.DEFERRED, 0, 0, deferred.message());
      } else {
        FetchResult.Failed failed = (FetchResult.Failed) result;
        sources.record(sourceId, planner.failed(state, failed, started));
        outcome = new PollReport(sourceId, PollReport.Result.FAILED, 0, 0, failed.message());
      }
    } catch (RuntimeException e) {
      // A storage failure must not stop the source: record it and try again on the backoff schedule.
      LOG.errorf(e, "poll failed source=%s", sourceId);
      sources.record(sourceId, planner.failed(state, new FetchResult.Failed(
          FailureKind.IO, null, "storing failed: " + e.getMessage(), null, null), started));
      outcome = new PollReport(sourceId, PollReport.Result.FAILED, 0, 0, e.getMessage());
    }
    metrics.counter("tributary.polls", "result", outcome.result().label()).increment();
    LOG.debugf("polled source=%s result=%s added=%d updated=%d error=%s", sourceId, outcome.result(),
        outcome.added(), outcome.updated(), outcome.error());
    return outcome;
  }

  private PollReport stored(SourceState state, FetchResult.Fetched f, String languageHint, Instant started) {
    ParseResult parsed = parser.parse(new FeedDocument(f.body(), f.contentType(), f.contentLocation(), f.finalUrl()));
    if (parsed instanceof ParseResult.NotAFeed notAFeed) {
      FetchResult.Failed failed = new FetchResult.Failed(FailureKind.PARSE, f.status(),
          "not a feed: " + notAFeed.reason(), null, f.hints());
      sources.record(state.id(), planner.failed(state, failed, started));
      return new PollReport(state.id(), PollReport.Result.FAILED, 0, 0, failed.message());
    }
    var feed = ((ParseResult.Parsed) parsed).feed();
    IngestReport report = ingest.ingest(state.id(), EntryMapper.items(feed, languageHint));
    metrics.counter("tributary.items.added").increment(report.added());
    sources.record(state.id(), planner.fetched(state, f, feed, report.changedAnything(), started));
    return new PollReport(state.id(), PollReport.Result.FETCHED, report.added(), report.updated(), null);
  }
}
