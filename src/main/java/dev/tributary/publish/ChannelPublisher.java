package dev.tributary.publish;

import dev.tributary.config.ChannelConfig;
import dev.tributary.config.FeedsConfig;
import dev.tributary.config.FeedsRegistry;
import dev.tributary.store.DataChanged;
import dev.tributary.store.Hashes;
import dev.tributary.store.Revisions;
import dev.tributary.store.StoryQueries;
import dev.tributary.store.StoryView;
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
import java.util.concurrent.locks.ReentrantLock;

/**
 * Renders merged feeds and caches the bytes per channel, format, size and base URL. The cache
 * key includes the database's data revision and the feeds.yaml in force, so a conditional request
 * costs one small query and no rendering.
 */
@ApplicationScoped
public class ChannelPublisher {
  private static final int MAX_CACHED = 256;

  @Inject FeedsRegistry registry;
  @Inject StoryQueries queries;
  @Inject Revisions revisions;

  private static final Duration RECHECK = Duration.ofSeconds(1);

  @Inject InstantSource clock;

  private final Map<String, RenderedFeed> cache = new ConcurrentHashMap<>();
  private volatile long knownRevision;
  private volatile Instant checkedAt;
  private volatile boolean revisionKnown;
  private final ReentrantLock refreshing = new ReentrantLock();

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
        knownRevision = QuarkusTransaction.joiningExisting().call(revisions::current);
        revisionKnown = true;
        checkedAt = now;
      } finally {
        refreshing.unlock();
      }
    }
    return knownRevision;
  }

  void onChange(@Observes(during = TransactionPhase.AFTER_SUCCESS) DataChanged event) {
    checkedAt = null;
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
    String key = channelId + "|" + format + "|" + limit + "|" + baseUrl + "|" + state.loadedAt();
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
    RenderedFeed rendered = new RenderedFeed(body, etag, updated, format.mediaType(), revision);
    if (cache.size() >= MAX_CACHED) {
      cache.clear();
    }
    cache.put(key, rendered);
    return Optional.of(rendered);
  }
}
