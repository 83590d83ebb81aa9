package dev.tributary.web;

import dev.tributary.fetch.HttpFeedFetcher;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.Optional;

/** Which hosts (host and port) a Retry-After has paused, as the fetcher's limiter knows them. */
@ApplicationScoped
public class HostPauses {
  @Inject HttpFeedFetcher fetcher;

  /** When the pause of the host serving {@code url} ends, if it is paused now. */
  Optional<Instant> of(String url) {
    String key = AdminView.hostKey(url);
    return key == null ? Optional.empty() : byKey(key);
  }

  Optional<Instant> byKey(String hostKey) {
    return fetcher.hostLimiter().pausedUntil(hostKey);
  }
}
