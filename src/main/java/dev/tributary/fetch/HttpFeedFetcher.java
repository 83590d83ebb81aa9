package dev.tributary.fetch;

import java.io.IOException;
import java.io.InterruptedIOException;
import java.net.SocketException;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.UnknownHostException;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.HashSet;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.zip.ZipException;
import javax.net.ssl.SSLException;
import org.apache.hc.client5.http.ConnectTimeoutException;
import org.apache.hc.client5.http.HttpHostConnectException;
import org.apache.hc.client5.http.classic.methods.HttpGet;
import org.apache.hc.client5.http.config.ConnectionConfig;
import org.apache.hc.client5.http.config.RequestConfig;
import org.apache.hc.client5.http.cookie.StandardCookieSpec;
import org.apache.hc.client5.http.impl.classic.CloseableHttpClient;
import org.apache.hc.client5.http.impl.classic.CloseableHttpResponse;
import org.apache.hc.client5.http.impl.classic.HttpClients;
import org.apache.hc.client5.http.impl.io.ManagedHttpClientConnectionFactory;
import org.apache.hc.client5.http.impl.io.PoolingHttpClientConnectionManager;
import org.apache.hc.client5.http.impl.io.PoolingHttpClientConnectionManagerBuilder;
import org.apache.hc.client5.http.protocol.HttpClientContext;
import org.apache.hc.client5.http.ssl.DefaultClientTlsStrategy;
import org.apache.hc.core5.http.ConnectionRequestTimeoutException;
import org.apache.hc.core5.http.Header;
import org.apache.hc.core5.http.HttpEntity;
import org.apache.hc.core5.http.config.Http1Config;
import org.apache.hc.core5.http.io.SocketConfig;
import org.apache.hc.core5.io.CloseMode;
import org.apache.hc.core5.util.TimeValue;
import org.apache.hc.core5.util.Timeout;
import org.jboss.logging.Logger;

/**
 * The production fetcher, on Apache HttpClient 5 (classic, blocking: callers run it on a bounded
 * pool such as the poller's). Redirects are followed here, not by the client, so that every
 * hop goes through the host limiter and the SSRF guard; decompression is done here too, so that
 * the body cap applies to the decoded bytes.
 */
public final class HttpFeedFetcher implements FeedFetcher, AutoCloseable {
  private static final Logger LOG = Logger.getLogger(HttpFeedFetcher.class);

  static final String ACCEPT = "application/rss+xml, application/atom+xml, application/feed+json, "
      + "application/rdf+xml;q=0.9, application/json;q=0.8, application/xml;q=0.8, "
      + "text/xml;q=0.8, */*;q=0.1";

  private final FetchSettings settings;
  private final InstantSource clock;
  private final HostLimiter limiter;
  private final GuardedDnsResolver dns;
  // built on the first fetch: the TLS set-up (the platform trust store) cost start-up 0.3-0.6 s of
  // CPU, and nothing is fetched before the story index has loaded
  private volatile CloseableHttpClient client;
  private final ScheduledThreadPoolExecutor watchdog;

  /** Production wiring: system DNS, guard per settings, real waiting. */
  public HttpFeedFetcher(FetchSettings settings, InstantSource clock) {
    this(settings, clock, HostResolver.system(), AddressGuard.forSettings(settings),
        HostLimiter.forSettings(settings, clock, Sleeper.real(clock)));
  }

  /** Every seam open: tests and benchmarks point names at loopback and bring their own limiter. */
  public HttpFeedFetcher(
      FetchSettings settings,
      InstantSource clock,
      HostResolver resolver,
      AddressGuard guard,
      HostLimiter limiter) {
    this.settings = settings;
    this.clock = clock;
    this.limiter = limiter;
    this.dns = new GuardedDnsResolver(resolver, guard);
    this.watchdog = new ScheduledThreadPoolExecutor(1, r -> {
      Thread t = new Thread(r, "tributary-fetch-watchdog");
      t.setDaemon(true);
      return t;
    });
    this.watchdog.setRemoveOnCancelPolicy(true);
  }

  /** The limiter every request passes through; the scheduler asks it which hosts are paused. */
  public HostLimiter hostLimiter() {
    return limiter;
  }

  @Override
  public FetchResult fetch(FetchRequest request) {
    try {
      return follow(request);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return failed(FailureKind.IO, null, "fetch interrupted (shutting down)");
    } catch (RuntimeException e) {
      LOG.warnf(e, "unexpected failure fetching %s", request.url());
      return failed(FailureKind.IO, null, "internal error: " + e);
    }
  }

  private FetchResult follow(FetchRequest request) throws InterruptedException {
    URI url = request.url();
    Set<URI> seen = new HashSet<>();
    seen.add(url);
    URI permanent = null;
    boolean permanentRun = true;
    Duration budget = settings.totalTimeout();

    for (int hop = 0; ; hop++) {
      String bad = unsupported(url);
      if (bad != null) return failed(FailureKind.IO, null, bad);
      HostLimiter.Admission admission = limiter.acquire(HostLimiter.hostKey(url));
      if (admission instanceof HostLimiter.Deferred d) {
        Duration wait = Duration.between(clock.instant(), d.notBefore());
        return new FetchResult.Failed(FailureKind.DEFERRED, null, d.reason(),
            wait.isNegative() ? Duration.ZERO : wait, CacheHints.NONE);
      }
      Hop outcome;
      Instant started = clock.instant();
      try (HostLimiter.Permit permit = ((HostLimiter.Granted) admission).permit()) {
        outcome = exchange(url, request, budget);
      }
      budget = budget.minus(Duration.between(started, clock.instant()));

      if (outcome instanceof Done done) {
        if (permanent == null) return done.result();
        if (done.result() instanceof FetchResult.Fetched f) {
          return new FetchResult.Fetched(f.finalUrl(), f.status(), f.contentType(), f.contentLocation(),
              f.etag(), f.lastModified(), f.body(), permanent, f.hints(), f.contentLanguage());
        }
        if (done.result() instanceof FetchResult.NotModified nm) {
          return new FetchResult.NotModified(nm.finalUrl(), nm.etag(), nm.lastModified(), nm.hints(), permanent);
        }
        return done.result();
      }
      Redirect r = (Redirect) outcome;
      if (hop >= settings.maxRedirects()) {
        return failed(FailureKind.TOO_MANY_REDIRECTS, r.status(),
            "more than " + settings.maxRedirects() + " redirects (last: " + url + " → " + r.location() + ")");
      }
      URI next;
      try {
        next = url.resolve(new URI(r.location().trim())).normalize();
      } catch (URISyntaxException | IllegalArgumentException e) {
        return failed(FailureKind.IO, r.status(), "unusable Location header from " + url.getHost() + ": " + r.location());
      }
      if (!seen.add(next)) {
        return failed(FailureKind.TOO_MANY_REDIRECTS, r.status(), "redirect loop: " + next + " visited twice");
      }
      // only a chain of permanent moves from the configured URL says where the feed now lives
      if (permanentRun && (r.status() == 301 || r.status() == 308)) {
        permanent = next;
      } else {
        permanentRun = false;
      }
      if (budget.isNegative() || budget.isZero()) {
        return failed(FailureKind.TIMEOUT, null, "total timeout of "
            + settings.totalTimeout().toSeconds() + " s spent before reaching " + next);
      }
      url = next;
    }
  }

  private sealed interface Hop permits Done, Redirect {}

  private record Done(FetchResult result) implements Hop {}

  private record Redirect(String location, int status) implements Hop {}

  private Hop exchange(URI url, FetchRequest request, Duration budget) {
    HttpGet get = new HttpGet(url);
    get.setHeader("User-Agent", settings.userAgent());
    get.setHeader("Accept", ACCEPT);
    get.setHeader("Accept-Encoding", "gzip, deflate");
    if (request.etag() != null) get.setHeader("If-None-Match", request.etag());
    if (request.lastModified() != null) get.setHeader("If-Modified-Since", request.lastModified());

    AtomicBoolean expired = new AtomicBoolean();
    // the total timeout: read timeouts alone let a server that sends a byte a second go on for ever
    ScheduledFuture<?> alarm = watchdog.schedule(() -> {
      expired.set(true);
      get.cancel();
    }, budget.toNanos(), TimeUnit.NANOSECONDS);
    CloseableHttpResponse response = null;
    boolean reusable = false;
    try {
      response = client().execute(get, HttpClientContext.create());
      Reply reply = handle(url, request, response);
      reusable = reply.drained();
      return reply.hop();
    } catch (IOException e) {
      return new Done(failure(e, expired.get(), url));
    } finally {
      alarm.cancel(false);
      // closing an unread body would drain it (maybe a gigabyte): drop the connection instead
      if (!reusable) get.cancel();
      if (response != null) closeResponse(response, url);
    }
  }

  private record Reply(Hop hop, boolean drained) {}

  private Reply handle(URI url, FetchRequest request, CloseableHttpResponse response) throws IOException {
    int code = response.getCode();
    CacheHints hints = HttpHeaderValues.cacheHints(header(response, "Cache-Control"), header(response, "Expires"));
    HttpEntity entity = response.getEntity();
    boolean noBody = entity == null;

    if (code == 301 || code == 302 || code == 303 || code == 307 || code == 308) {
      String location = header(response, "Location");
      if (location == null || location.isBlank()) {
        return new Reply(new Done(failed(FailureKind.HTTP_ERROR, code,
            "HTTP " + code + " redirect without a Location header", hints)), noBody);
      }
      return new Reply(new Redirect(location, code), noBody);
    }
    if (code == 304) {
      String etag = orElse(header(response, "ETag"), request.etag());
      String lastModified = orElse(header(response, "Last-Modified"), request.lastModified());
      return new Reply(new Done(new FetchResult.NotModified(url, etag, lastModified, hints)), noBody);
    }
    if (code >= 200 && code < 300) {
      long announced = noBody ? 0 : entity.getContentLength();
      if (announced > settings.maxBodyBytes()) {
        return new Reply(new Done(failed(FailureKind.TOO_LARGE, code, "server announced " + announced
            + " bytes, over the cap of " + settings.maxBodyBytes(), hints)), false);
      }
      byte[] body = noBody
          ? new byte[0]
          : BodyReader.read(entity.getContent(), header(response, "Content-Encoding"), settings.maxBodyBytes());
      return new Reply(new Done(new FetchResult.Fetched(url, code, header(response, "Content-Type"),
          header(response, "Content-Location"), header(response, "ETag"),
          header(response, "Last-Modified"), body, null, hints, header(response, "Content-Language"))), true);
    }
    if (code == 410) {
      return new Reply(new Done(failed(FailureKind.GONE, code,
          "HTTP 410 Gone: the publisher says this feed no longer exists", hints)), noBody);
    }
    if (code == 429 || code == 503) {
      Instant now = clock.instant();
      Duration retryAfter = HttpHeaderValues.retryAfter(header(response, "Retry-After"), now);
      if (retryAfter != null && retryAfter.compareTo(settings.maxRetryAfter()) > 0) {
        retryAfter = settings.maxRetryAfter();
      }
      String message = "HTTP " + code + " " + reason(response);
      if (retryAfter != null && !retryAfter.isZero()) {
        limiter.pause(HostLimiter.hostKey(url), now.plus(retryAfter));
        message += "; Retry-After " + retryAfter.toSeconds() + " s, host " + HostLimiter.hostKey(url) + " paused";
      }
      return new Reply(new Done(new FetchResult.Failed(FailureKind.THROTTLED, code, message, retryAfter, hints)), noBody);
    }
    return new Reply(new Done(failed(FailureKind.HTTP_ERROR, code, "HTTP " + code + " " + reason(response), hints)), noBody);
  }

  private FetchResult failure(IOException e, boolean expired, URI url) {
    String host = url.getHost();
    if (expired) {
      return failed(FailureKind.TIMEOUT, null, "no complete response from " + host + " within the total timeout of "
          + settings.totalTimeout().toMillis() + " ms");
    }
    if (e instanceof BlockedAddressException) return failed(FailureKind.BLOCKED_ADDRESS, null, e.getMessage());
    if (e instanceof UnknownHostException) {
      return failed(FailureKind.DNS, null, "cannot resolve host " + host);
    }
    if (e instanceof ConnectTimeoutException) {
      return failed(FailureKind.TIMEOUT, null, "connecting to " + host + " timed out after "
          + settings.connectTimeout().toMillis() + " ms");
    }
    if (e instanceof SocketTimeoutException) {
      return failed(FailureKind.TIMEOUT, null, "no data from " + host + " for "
          + settings.readTimeout().toMillis() + " ms (read timeout)");
    }
    if (e instanceof ConnectionRequestTimeoutException) {
      return new FetchResult.Failed(FailureKind.DEFERRED, null,
          "fetcher busy: no pooled connection free", settings.perHostSpacing(), CacheHints.NONE);
    }
    if (e instanceof BodyTooLargeException) return failed(FailureKind.TOO_LARGE, null, e.getMessage());
    if (e instanceof SSLException) {
      return failed(FailureKind.TLS, null, "TLS with " + host + " failed: " + e.getMessage());
    }
    if (e instanceof HttpHostConnectException) {
      return failed(FailureKind.IO, null, "cannot connect to " + host + ": " + e.getMessage());
    }
    if (e instanceof ZipException) {
      return failed(FailureKind.IO, null, "corrupt compressed body from " + host + ": " + e.getMessage());
    }
    if (e instanceof SocketException) {
      return failed(FailureKind.IO, null, "connection to " + host + " broken: " + e.getMessage());
    }
    if (e instanceof InterruptedIOException) {
      return failed(FailureKind.TIMEOUT, null, "request to " + host + " interrupted: " + e.getMessage());
    }
    return failed(FailureKind.IO, null, "I/O error with " + host + ": " + e);
  }

  private static String unsupported(URI url) {
    if (url == null) return "no URL";
    String scheme = url.getScheme() == null ? "" : url.getScheme().toLowerCase(Locale.ROOT);
    if (!scheme.equals("http") && !scheme.equals("https")) return "not an http(s) URL: " + url;
    if (url.getHost() == null || url.getHost().isEmpty()) return "URL without a host: " + url;
    if (url.getRawUserInfo() != null) return "URL with credentials is not fetched: " + url.getHost();
    return null;
  }

  private static void closeResponse(CloseableHttpResponse response, URI url) {
    try {
      response.close();
    } catch (IOException e) {
      // the result is already decided; a failing close only costs the connection
      LOG.debugf(e, "closing response from %s", url.getHost());
    }
  }

  private static String header(CloseableHttpResponse r, String name) {
    Header h = r.getFirstHeader(name);
    return h == null ? null : h.getValue();
  }

  private static String reason(CloseableHttpResponse r) {
    return r.getReasonPhrase() == null ? "" : r.getReasonPhrase();
  }

  private static String orElse(String a, String b) {
    return a != null ? a : b;
  }

  private static FetchResult.Failed failed(FailureKind kind, Integer status, String message) {
    return new FetchResult.Failed(kind, status, message, null, CacheHints.NONE);
  }

  private static FetchResult.Failed failed(FailureKind kind, Integer status, String message, CacheHints hints) {
    return new FetchResult.Failed(kind, status, message, null, hints);
  }

  private static CloseableHttpClient buildClient(FetchSettings s, GuardedDnsResolver dns) {
    Timeout read = Timeout.of(s.readTimeout());
    PoolingHttpClientConnectionManager pool = PoolingHttpClientConnectionManagerBuilder.create()
        .setDnsResolver(dns)
        // the platform trust store and hostname verification: never trust-all
        .setTlsSocketStrategy(DefaultClientTlsStrategy.createDefault())
        .setDefaultConnectionConfig(ConnectionConfig.custom()
            .setConnectTimeout(Timeout.of(s.connectTimeout()))
            .setSocketTimeout(read)
            .setTimeToLive(TimeValue.ofMinutes(5))
            .setValidateAfterInactivity(TimeValue.ofSeconds(2))
            .build())
        .setDefaultSocketConfig(SocketConfig.custom().setSoTimeout(read).build())
        .setConnectionFactory(ManagedHttpClientConnectionFactory.builder()
            .http1Config(Http1Config.custom().setMaxHeaderCount(200).setMaxLineLength(16 * 1024).build())
            .build())
        .setMaxConnTotal(s.maxConnections())
        .setMaxConnPerRoute(s.perHostConcurrency())
        .build();
    RequestConfig requests = RequestConfig.custom()
        .setConnectionRequestTimeout(Timeout.of(s.maxHostWait()))
        .setResponseTimeout(read)
        .setRedirectsEnabled(false)
        .setContentCompressionEnabled(false)
        .setAuthenticationEnabled(false)
        .setCookieSpec(StandardCookieSpec.IGNORE)
        .setExpectContinueEnabled(false)
        .setProtocolUpgradeEnabled(false)
        .setHardCancellationEnabled(true)
        .build();
    return HttpClients.custom()
        .setConnectionManager(pool)
        .setDefaultRequestConfig(requests)
        .disableRedirectHandling()
        .disableAutomaticRetries()
        .disableContentCompression()
        .disableCookieManagement()
        .disableAuthCaching()
        .evictExpiredConnections()
        .evictIdleConnections(TimeValue.ofSeconds(30))
        .build();
  }

  private CloseableHttpClient client() {
    CloseableHttpClient built = client;
    if (built == null) {
      synchronized (this) {
        built = client;
        if (built == null) {
          built = buildClient(settings, dns);
          client = built;
        }
      }
    }
    return built;
  }

  @Override
  public void close() {
    watchdog.shutdownNow();
    synchronized (this) {
      if (client != null) {
        client.close(CloseMode.GRACEFUL);
      }
    }
  }
}
