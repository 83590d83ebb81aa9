package dev.tributary.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;
import java.util.Optional;

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

  Store store();

  interface Store {
    /** How often a one-row write checks that the database takes writes (disk full, read-only). */
    @WithDefault("10s")
    Duration writeCheck();
  }

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
  Optional<String> publicUrl();

  interface Admin {
    /**
     * When set (env TRIBUTARY_ADMIN_TOKEN, from a Secret), the admin surface needs
     * {@code Authorization: Bearer TOKEN} or a session from the login form; unset, it answers
     * loopback clients only.
     */
    Optional<String> token();

    /** How long a login from the admin page lasts. */
    @WithDefault("12h")
    Duration sessionDuration();

    /**
     * Wrong admin tokens (login form or Bearer) a client address may send per minute; after that
     * it is answered 429 until the minute is over, so the token cannot be guessed at line rate.
     */
    @WithDefault("10")
    int failedLoginsPerMinute();
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
    @WithDefault("32")
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
    /**
     * Stories (with their items) that stored no report for this long are dropped; age counts from
     * storage, not publication. 0 keeps all.
     */
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
     * to ingestion (about 0.6 ms an item: two passes). The heap bounds it as well
     * ({@code ClusteringStoryEngine.regroupCapacityFor}).
     */
    @WithDefault("12000")
    int regroupMaxItems();

    /** How the engine groups reports into stories. */
    Clustering clustering();
  }

  /**
   * The story engine's tuning ({@code tributary.stories.clustering.*}), converted to the engine's
   * own {@code StoryConfig} by the ingest package. The figures in the comments are the
   * measurements that chose each default.
   */
  interface Clustering {
    /** How far apart in publication time two reports of one story may be. */
    @WithDefault("3d")
    Duration window();

    /** How far back (by storage time) stored items are reloaded into the index at start-up. */
    @WithDefault("30d")
    Duration statsHorizon();

    /**
     * Story score (the pair model's same-story probabilities, tempered by the story's mean and the
     * same-source penalty) from which an item joins a story. Precision first: held-out folds by month,
     * 0.45 -> 0.50: regional BCubed P 0.955 -> 0.978 (F1 0.902 -> 0.880), gva pairwise P 0.957 -> 0.977
     * (F1 0.810 -> 0.798), Russian pairs 0.796 -> 0.815, SemEval F1 0.664 -> 0.611; through the jar,
     * regional BCubed P 0.939 -> 0.962 with F1 0.894 -> 0.892.
     */
    @WithDefault("0.5")
    double joinThreshold();

    /** Estimated shingle Jaccard from which an item is a near-copy of a report. */
    @WithDefault("0.5")
    double duplicateThreshold();

    /** Share of the mean (against the best) pair score over a story's candidate reports. */
    @WithDefault("0.35")
    double meanShare();

    /** Weight of a title word against a body word. */
    @WithDefault("2")
    float titleWeight();

    /** Weight of capitalized words and numbers among the cross-script keys. */
    @WithDefault("1.5")
    float nameWeight();

    /** Words analyzed per title or body (the opening carries the event). */
    @WithDefault("300")
    int maxTokens();

    /** Rarest keys of a new item used to look up candidates. */
    @WithDefault("20")
    int queryKeys();

    /** Candidates scored in full per new item. */
    @WithDefault("20")
    int maxCandidates();

    /** Postings read per lookup, rarest keys first: bounds the work however many items a window holds. */
    @WithDefault("1200")
    int maxPostings();

    /**
     * Share of a source's items matching an earlier item of the same source at which the
     * same-source penalty is lifted in full (it fades in from half of it): outlets stay well below,
     * a headline aggregator or one-feed stream is far above. 0 never penalizes, above 2 always does.
     */
    @WithDefault("0.3")
    double sourceRepeatRate();

    /** Whether headline-only items are decided by the headline mixture (off only to compare). */
    @WithDefault("true")
    boolean headlineMixture();

    /**
     * Prior weight of a new headline story per headline seen, in the mixture. MStream News, all
     * 11,109 headlines: BCubed F1 0.803 at 0.2, 0.816 at 0.4, 0.815 at 1.0, 0.773 at 0.1.
     */
    @WithDefault("0.4")
    double mixtureAlpha();

    /**
     * Passes of a regrouping after the one in publication order, each re-deciding the items of the
     * stories the pass before changed. A second pass: MStream News 0.816 -> 0.824.
     */
    @WithDefault("2")
    int refinePasses();

    /**
     * How far a story's second most similar report raises its score, when its pair score is at
     * least {@link #supportFloor()}: the score is at least 1 - (1 - best) * (1 - share * second), so
     * two reports of the story that each resemble the item moderately let it join where one alone
     * would not; only reports published within a day of the item support it (a follow-up days later
     * resembles many of the first event's reports). 0 scores by the best and the mean alone. Held-out
     * folds by month, 0 -> 0.3 (floor 0.4): regional BCubed P/R 0.986/0.843 -> 0.986/0.899, gva
     * pairwise F1 0.904 -> 0.900; without the day's limit regional P 0.972.
     */
    @WithDefault("0.3")
    double supportShare();

    /** The least pair score of a story's second report that supports the story ({@link #supportShare()}). */
    @WithDefault("0.4")
    double supportFloor();
  }
}
