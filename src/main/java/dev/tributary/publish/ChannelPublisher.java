package dev.tributary.publish;

import dev.tributary.config.ChannelConfig;
import dev.tributary.config.FeedsConfig;
import dev.tributary.config.FeedsRegistry;
import dev.tributary.store.DataChanged;
import dev.tributary.store.Hashes;
import dev.tributary.store.Revisions;
import dev.tributary.store.StoryQueries;
import dev.tributary.store.StoryView;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.ReentrantLock;
import org.eclipse.microprofile.context.ManagedExecutor;

/**
 * Renders merged feeds and caches the bytes per channel, format, size and base URL, with their
 * gzip and brotli forms made once per content. The cache key includes the feeds.yaml in force and
 * each entry the data revision it was rendered at; {@link #cached} answers from memory alone so a
 * hot feed (200 or 304) costs neither a query nor rendering.
 */
@ApplicationScoped
public class ChannelPublisher {
  private static final int MAX_CACHED = 256;

  @Inject FeedsRegistry registry;
  @Inject StoryQueries queries;
  @Inject Revisions revisions;

  private static final Duration RECHECK = Duration.ofSeconds(1);

  @Inject InstantSource clock;
  @Inject ManagedExecutor executor;
  @Inject MeterRegistry metrics;

  private final Map<String, RenderedFeed> cache = new ConcurrentHashMap<>();
  private volatile long knownRevision;
  private volatile Instant checkedAt;
  private volatile boolean revisionKnown;
  private final ReentrantLock refreshing = new ReentrantLock();
  /** Bumped by every local commit, so a revision read that raced with one is not trusted as fresh. */
  private final AtomicLong localChanges = new AtomicLong();
  private final AtomicBoolean refreshQueued = new AtomicBoolean();
  private Counter compressions;

  /**
   * The data version a feed would be rendered at. Read from the database at most once a
   * second, and again at once after this replica changes anything; another replica's change
   * shows within that second.
   */
  public long currentRevision() {
    Instant now = clock.instant();
    Instant checked = checkedAt;
    if (checked == null || now.isAfter(checked.plus(RECHECK)) || now.isBefore(checked)) {
      // One reader asks the database; the others serve the revision known a moment ago rather
      // than queue for connections (a burst of readers must not drain the JDBC pool).
      boolean first = !revisionKnown;
      if (first) {
        refreshing.lock();
      } else if (!refreshing.tryLock()) {
        return knownRevision;
      }
      try {
        long changesBefore = localChanges.get();
        knownRevision = QuarkusTransaction.joiningExisting().call(revisions::current);
        revisionKnown = true;
        if (localChanges.get() == changesBefore) {
          checkedAt = now;
        }
      } finally {
        refreshing.unlock();
      }
    }
    return knownRevision;
  }

  void onChange(@Observes(during = TransactionPhase.AFTER_SUCCESS) DataChanged event) {
    localChanges.incrementAndGet();
    checkedAt = null;
  }

  /**
   * The cached feed when it is known to be current, without blocking: no query, no rendering, so
   * it may be called on an event loop. Empty when the caller must take {@link #feed} (nothing
   * cached, or this replica changed data since). When the once-a-second check is due, the cached
   * feed is still answered and the revision is read in the background; another replica's change
   * shows within that second and the read, as it did when readers took turns to query.
   */
  public Optional<RenderedFeed> cached(String channelId, FeedFormat format, int limit, String baseUrl) {
    Instant checked = checkedAt;
    if (!revisionKnown || checked == null) {
      return Optional.empty();
    }
    RenderedFeed hit = cache.get(key(registry.state(), channelId, format, limit, baseUrl));
    if (hit == null || hit.revision() != knownRevision) {
      return Optional.empty();
    }
    Instant now = clock.instant();
    if ((now.isAfter(checked.plus(RECHECK)) || now.isBefore(checked)) && refreshQueued.compareAndSet(false, true)) {
      try {
        executor.execute(() -> {
          try {
            currentRevision();
          } finally {
            refreshQueued.set(false);
          }
        });
      } catch (RuntimeException e) {
        refreshQueued.set(false);
        return Optional.empty(); // no worker to spare: the caller reads the revision itself
      }
    }
    return Optional.of(hit);
  }

  /** How many times feed bytes were compressed: once per new content, never per request. */
  public double compressions() {
    return compressionCounter().count();
  }

  private Counter compressionCounter() {
    Counter c = compressions;
    if (c == null) {
      c = metrics.counter("tributary.feeds.compressed");
      compressions = c;
    }
    return c;
  }

  private static String key(FeedsRegistry.State state, String channelId, FeedFormat format, int limit, String baseUrl) {
    return channelId + "|" + format + "|" + limit + "|" + baseUrl + "|" + state.loadedAt();
  }

  /** The feed, from cache when nothing changed; empty when the channel does not exist. */
  public Optional<RenderedFeed> feed(String channelId, FeedFormat format, int limit, String baseUrl) {
    FeedsRegistry.State state = registry.state();
    FeedsConfig config = state.config();
    Optional<ChannelConfig> channel = config.channel(channelId);
    if (channel.isEmpty()) {
      return Optional.empty();
    }
    long revision = currentRevision();
    String key = key(state, channelId, format, limit, baseUrl);
    RenderedFeed cached = cache.get(key);
    if (cached != null && cached.revision() == revision) {
      return Optional.of(cached);
    }
    List<StoryView> stories = queries.newest(config.sourceIdsOf(channel.get()), limit);
    // From the data only, never this replica's clock: every replica serves the same bytes and
    // ETag, so a 304 from one answers a validator from another. An empty channel has no time.
    Instant updated = stories.stream().map(StoryView::updated).max(Instant::compareTo).orElse(Instant.EPOCH);
    ChannelConfig c = channel.get();
    ChannelFeed feed = new ChannelFeed(c.id(), c.title(), c.description(), c.language(), baseUrl, updated, stories);
    byte[] body = switch (format) {
      case RSS -> RssWriter.write(feed);
      case ATOM -> AtomWriter.write(feed);
      case JSON -> JsonFeedWriter.write(feed);
    };
    String etag = "\"" + Hashes.hex(new String(body, StandardCharsets.UTF_8)).substring(0, 32) + "\"";
    RenderedFeed rendered = cached != null && cached.etag().equals(etag) && cached.lastModified().equals(updated)
        ? cached.at(revision)
        : compressed(body, etag, updated, format, revision);
    if (cache.size() >= MAX_CACHED) {
      cache.clear();
    }
    cache.put(key, rendered);
    return Optional.of(rendered);
  }

  private RenderedFeed compressed(byte[] body, String etag, Instant updated, FeedFormat format, long revision) {
    compressionCounter().increment();
    return new RenderedFeed(body, Compressor.gzip(body), Compressor.brotli(body), etag, updated, format.mediaType(), revision);
  }
}
