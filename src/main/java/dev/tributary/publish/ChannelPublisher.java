package dev.tributary.publish;

import dev.tributary.config.ChannelConfig;
import dev.tributary.config.FeedsConfig;
import dev.tributary.config.FeedsRegistry;
import dev.tributary.store.Hashes;
import dev.tributary.store.StoryQueries;
import dev.tributary.store.StoryView;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.locks.ReentrantLock;
import java.util.stream.Stream;

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
  @Inject RevisionWatch revision;
  @Inject MeterRegistry metrics;

  private final Map<String, RenderedFeed> cache = new ConcurrentHashMap<>();
  /** One rendering per key at a time: a burst after a change renders and compresses once, not once per reader. */
  private final ReentrantLock[] rendering = Stream.generate(ReentrantLock::new).limit(64).toArray(ReentrantLock[]::new);
  private Counter compressions;

  /**
   * The cached feed when it is known to be current, without blocking: no query, no rendering, so
   * it may be called on an event loop. Empty when the caller must take {@link #feed}: nothing
   * cached at the current revision, or this replica changed data since the revision was read.
   */
  public Optional<RenderedFeed> cached(String channelId, FeedFormat format, int limit, String baseUrl) {
    long now = revision.peek();
    if (now == RevisionWatch.UNKNOWN) {
      return Optional.empty();
    }
    RenderedFeed hit = cache.get(key(registry.state(), channelId, format, limit, baseUrl));
    return hit != null && hit.revision() == now ? Optional.of(hit) : Optional.empty();
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
    // the load time as numbers: Instant.toString formats a date, once per request on the hot path
    Instant loaded = state.loadedAt();
    return channelId + "|" + format + "|" + limit + "|" + baseUrl + "|" + loaded.getEpochSecond() + "." + loaded.getNano();
  }

  /** The feed, from cache when nothing changed; empty when the channel does not exist. */
  public Optional<RenderedFeed> feed(String channelId, FeedFormat format, int limit, String baseUrl) {
    FeedsRegistry.State state = registry.state();
    FeedsConfig config = state.config();
    Optional<ChannelConfig> channel = config.channel(channelId);
    if (channel.isEmpty()) {
      return Optional.empty();
    }
    long current = revision.current();
    String key = key(state, channelId, format, limit, baseUrl);
    RenderedFeed cached = cache.get(key);
    if (cached != null && cached.revision() == current) {
      return Optional.of(cached);
    }
    ReentrantLock lock = rendering[Math.floorMod(key.hashCode(), rendering.length)];
    lock.lock();
    try {
      cached = cache.get(key);
      if (cached != null && cached.revision() == current) {
        return Optional.of(cached); // rendered by the reader this one waited for
      }
      RenderedFeed rendered = render(channel.get(), config, format, limit, baseUrl, current, cached);
      if (cache.size() >= MAX_CACHED) {
        cache.clear();
      }
      cache.put(key, rendered);
      return Optional.of(rendered);
    } finally {
      lock.unlock();
    }
  }

  private RenderedFeed render(ChannelConfig c, FeedsConfig config, FeedFormat format, int limit, String baseUrl,
      long current, RenderedFeed previous) {
    List<StoryView> stories = queries.newest(config.sourceIdsOf(c), limit);
    // From the data only, never this replica's clock: every replica serves the same bytes and
    // ETag, so a 304 from one answers a validator from another. An empty channel has no time.
    Instant updated = stories.stream().map(StoryView::updated).max(Instant::compareTo).orElse(Instant.EPOCH);
    ChannelFeed feed = new ChannelFeed(c.id(), c.title(), c.description(), c.language(), baseUrl, updated, stories);
    byte[] body = switch (format) {
      case RSS -> RssWriter.write(feed);
      case ATOM -> AtomWriter.write(feed);
      case JSON -> JsonFeedWriter.write(feed);
    };
    String etag = "\"" + Hashes.hex(new String(body, StandardCharsets.UTF_8)).substring(0, 32) + "\"";
    // Content unchanged by the new revision: the bytes and their compressed forms are kept.
    return previous != null && previous.etag().equals(etag) && previous.lastModified().equals(updated)
        ? previous.at(current)
        : compressed(body, etag, updated, format, current);
  }

  private RenderedFeed compressed(byte[] body, String etag, Instant updated, FeedFormat format, long revision) {
    compressionCounter().increment();
    return new RenderedFeed(body, Compressor.gzip(body), Compressor.brotli(body), etag, updated, format.mediaType(), revision);
  }
}
