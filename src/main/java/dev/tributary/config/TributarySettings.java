package dev.tributary.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;

/** Every {@code tributary.*} setting, typed, with its default. */
@ConfigMapping(prefix = "tributary")
public interface TributarySettings {

  /** The feeds.yaml to load (env TRIBUTARY_FEEDS). */
  @WithDefault("feeds.yaml")
  String feeds();

  /** How often the feeds file is checked for changes; it is reloaded when its content changes. */
  @WithDefault("5s")
  Duration feedsReloadCheck();

  Fetch fetch();

  Poll poll();

  Retention retention();

  Publish publish();

  Stories stories();

  Admin admin();

  Preview preview();

  /** {@code /api/preview}: its own fetcher, apart from polling, with its own small limits. */
  interface Preview {
    /** Previews fetching at once (its own connection pool); more are refused with 503. */
    @WithDefault("4")
    int concurrency();

    /** Previews one client may ask for per minute; more are refused with 429. */
    @WithDefault("20")
    int perClientPerMinute();

    /** Longest a preview fetch may take, redirects included. */
    @WithDefault("15s")
    Duration timeout();

    /** Body cap of a previewed document, after decompression. */
    @WithDefault("2097152")
    long maxBodyBytes();

    /** Cap of the JSON answer; entries past it are left out (header X-Preview-Entries: shown/total). */
    @WithDefault("2097152")
    int maxAnswerBytes();
  }

  /**
   * Base URL of the self links in feeds and pages (env TRIBUTARY_PUBLIC_URL); never taken from
   * request headers. Unset: {@code http://localhost:{port}}.
   */
  java.util.Optional<String> publicUrl();

  interface Admin {
    /**
     * When set (env TRIBUTARY_ADMIN_TOKEN, from a Secret), the admin surface needs
     * {@code Authorization: Bearer TOKEN} or a session from the login form; unset, it answers
     * loopback clients only.
     */
    java.util.Optional<String> token();

    /** How long a login from the admin page lasts. */
    @WithDefault("12h")
    Duration sessionDuration();
  }

  interface Fetch {
    /** Allow sources on loopback/private/link-local addresses (the SSRF guard refuses them otherwise). */
    @WithDefault("false")
    boolean allowPrivateNetworks();

    @WithDefault("10s")
    Duration connectTimeout();

    /** Longest silence while reading headers or body. */
    @WithDefault("30s")
    Duration readTimeout();

    /** Longest a whole fetch, redirects included, may take. */
    @WithDefault("60s")
    Duration totalTimeout();

    /** Body cap in bytes, applied after decompression. */
    @WithDefault("10485760")
    long maxBodyBytes();

    @WithDefault("5")
    int maxRedirects();

    /** Requests in flight to one host at a time. */
    @WithDefault("2")
    int perHostConcurrency();

    /** Minimum time between the starts of two requests to one host (loopback hosts are exempt). */
    @WithDefault("250ms")
    Duration perHostSpacing();

    /** Longest a fetch waits for its host's turn before it is deferred to a later tick. */
    @WithDefault("5s")
    Duration maxHostWait();

    /** A publisher's Retry-After longer than this is cut to it, so no host is paused for ever. */
    @WithDefault("24h")
    Duration maxRetryAfter();

    /** Pooled connections across all hosts. */
    @WithDefault("64")
    int maxConnections();

    @WithDefault("Tributary/0.1 (+https://github.com/tributary-feeds/tributary)")
    String userAgent();
  }

  interface Poll {
    /** How often due sources are looked for (each tick tops the fetch queue up). */
    @WithDefault("1s")
    Duration tick();

    /** Fetch threads (network waits happen here, never on request threads). */
    @WithDefault("32")
    int threads();

    /** Claimed sources waiting for a fetch thread, per thread: bounds the queue a tick fills. */
    @WithDefault("8")
    int queuePerThread();

    /**
     * A claimed source is not claimed again by any replica for this long; the heartbeat renews the
     * lease while its fetch is queued or running, so a crashed replica's claims lapse this soon.
     */
    @WithDefault("15s")
    Duration lease();

    /** How often held leases are renewed: well under half the lease. */
    @WithDefault("5s")
    Duration heartbeat();

    /** At shutdown, how long fetches still running may finish before their claims are handed back. */
    @WithDefault("5s")
    Duration stopGrace();

    /** No source is polled more often than this, whatever feeds.yaml says. */
    @WithDefault("1m")
    Duration minInterval();

    /** Ceiling of the adaptive interval and of server-given floors (ttl, max-age, Retry-After). */
    @WithDefault("24h")
    Duration maxInterval();

    /** A quiet feed's interval grows to at most this many times its configured interval. */
    @WithDefault("8")
    double maxStretch();

    /** Longest wait between retries of a failing source (unless its interval is longer). */
    @WithDefault("6h")
    Duration maxBackoff();

    /** Relative spread of every delay, so sources polled together drift apart. */
    @WithDefault("0.1")
    double jitter();

    /** Weight of the newest observed time between changes in the running mean the interval adapts to. */
    @WithDefault("0.3")
    double ewmaWeight();
  }

  interface Retention {
    /** Items older than this are dropped; 0 keeps all. */
    @WithDefault("30d")
    Duration maxAge();
  }

  interface Publish {
    @WithDefault("50")
    int defaultLimit();

    @WithDefault("500")
    int maxLimit();

    /** Cache-Control max-age on merged feeds, in seconds. */
    @WithDefault("300")
    int maxAgeSeconds();
  }

  interface Stories {
    /**
     * Items that arrive older than what is already clustered (feeds are polled one outlet at a
     * time) are regrouped in publication order once ingestion has been quiet this long.
     */
    @WithDefault("1s")
    Duration regroupQuiet();

    /**
     * ...or at the latest this long after the first such item, however busy ingestion is (a pass
     * over thousands of items costs seconds of CPU: at 10,000 feeds a 30 s delay doubled the
     * service's CPU).
     */
    @WithDefault("5m")
    Duration regroupMaxDelay();

    /**
     * Items one regrouping re-decides at most (the newest of the span): bounds the pause it causes
     * to ingestion (about 0.6 ms an item: two passes).
     */
    @WithDefault("12000")
    int regroupMaxItems();
  }
}
