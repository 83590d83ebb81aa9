package dev.tributary.fetch;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tributary.config.DefaultSettings;
import dev.tributary.testing.LoopbackServer;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.zip.Deflater;
import java.util.zip.DeflaterOutputStream;
import java.util.zip.GZIPOutputStream;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class HttpFeedFetcherTest {
  static final String FEED = "<rss version=\"2.0\"><channel><title>t</title></channel></rss>";
  static final Instant T0 = Instant.parse("2026-03-01T10:00:00Z");

  final MutableClock clock = new MutableClock(T0);
  final List<AutoCloseable> closeables = new ArrayList<>();
  final CountDownLatch testOver = new CountDownLatch(1);

  FetchSettings settings = DefaultSettings.fetch()
      .withAllowPrivateNetworks(true)
      .withTimeouts(Duration.ofSeconds(2), Duration.ofSeconds(2), Duration.ofSeconds(5))
      .withPerHost(2, Duration.ZERO, Duration.ofSeconds(5));

  @AfterEach
  void tearDown() throws Exception {
    testOver.countDown();
    for (AutoCloseable c : closeables) c.close();
  }

  LoopbackServer server(LoopbackServer.Handler h) throws IOException {
    LoopbackServer s = LoopbackServer.serving(h);
    closeables.add(s);
    return s;
  }

  HttpFeedFetcher fetcher() {
    return fetcher(HostResolver.system(), AddressGuard.forSettings(settings));
  }

  HttpFeedFetcher fetcher(HostResolver resolver, AddressGuard guard) {
    HttpFeedFetcher f = new HttpFeedFetcher(settings, clock, resolver, guard,
        HostLimiter.forSettings(settings, clock, clock));
    closeables.add(f);
    return f;
  }

  static FetchResult.Failed failed(FetchResult r, FailureKind kind) {
    assertThat(r).isInstanceOf(FetchResult.Failed.class);
    FetchResult.Failed f = (FetchResult.Failed) r;
    assertThat(f.kind()).as(f.message()).isEqualTo(kind);
    assertThat(f.message()).isNotBlank();
    return f;
  }

  static HostResolver mapping(String name, InetAddress to) {
    return host -> {
      if (host.equalsIgnoreCase(name)) return new InetAddress[] {to};
      return HostResolver.system().resolve(host);
    };
  }

  static InetAddress ip(String literal) throws UnknownHostException {
    return InetAddress.getByName(literal);
  }

  // ---- lifecycle

  @Test
  void closesCleanlyBeforeItsFirstFetch() {
    // the HTTP client is built on the first fetch (start-up need not pay for TLS set-up)
    HttpFeedFetcher f = new HttpFeedFetcher(settings, clock, HostResolver.system(), AddressGuard.forSettings(settings),
        HostLimiter.forSettings(settings, clock, clock));
    f.close();
  }

  // ---- success, validators, hints

  @Test
  void fetchesBodyHeadersAndCacheHints() throws Exception {
    LoopbackServer s = server((req, out, sock) -> LoopbackServer.respond(out, 200, FEED,
        "Content-Type", "application/rss+xml; charset=utf-8", "ETag", "\"v1\"",
        "Last-Modified", "Sun, 01 Mar 2026 09:00:00 GMT", "Cache-Control", "public, max-age=900",
        "Expires", "Sun, 01 Mar 2026 11:00:00 GMT", "Content-Language", "ka"));
    FetchResult r = fetcher().fetch(FetchRequest.unconditional(URI.create(s.url("/feed"))));

    assertThat(r).isInstanceOf(FetchResult.Fetched.class);
    FetchResult.Fetched f = (FetchResult.Fetched) r;
    assertThat(new String(f.body(), StandardCharsets.UTF_8)).isEqualTo(FEED);
    assertThat(f.status()).isEqualTo(200);
    assertThat(f.etag()).isEqualTo("\"v1\"");
    assertThat(f.contentLanguage()).isEqualTo("ka");
    assertThat(f.lastModified()).isEqualTo("Sun, 01 Mar 2026 09:00:00 GMT");
    assertThat(f.contentType()).startsWith("application/rss+xml");
    assertThat(f.permanentRedirect()).isNull();
    assertThat(f.hints()).isEqualTo(new CacheHints(Duration.ofSeconds(900), Instant.parse("2026-03-01T11:00:00Z")));
    LoopbackServer.Request seen = s.seen.get(0);
    assertThat(seen.header("User-Agent")).isEqualTo(DefaultSettings.fetch().userAgent());
    assertThat(seen.header("Accept")).startsWith("application/rss+xml");
    assertThat(seen.header("Accept-Encoding")).contains("gzip").contains("deflate");
    assertThat(seen.header("If-None-Match")).isNull();
  }

  @Test
  void conditionalGetWithEtagAnswers304() throws Exception {
    LoopbackServer s = server((req, out, sock) -> {
      if ("\"v1\"".equals(req.header("If-None-Match"))) {
        LoopbackServer.respond(out, 304, (byte[]) null, "ETag", "\"v1\"", "Cache-Control", "max-age=60");
      } else {
        LoopbackServer.respond(out, 200, FEED, "ETag", "\"v1\"");
      }
    });
    HttpFeedFetcher f = fetcher();
    URI url = URI.create(s.url("/feed"));
    FetchResult.Fetched first = (FetchResult.Fetched) f.fetch(FetchRequest.unconditional(url));
    FetchResult second = f.fetch(new FetchRequest(url, first.etag(), first.lastModified()));

    assertThat(second).isInstanceOf(FetchResult.NotModified.class);
    FetchResult.NotModified nm = (FetchResult.NotModified) second;
    assertThat(nm.etag()).isEqualTo("\"v1\"");
    assertThat(nm.hints().maxAge()).isEqualTo(Duration.ofSeconds(60));
    assertThat(s.seen.get(1).header("If-None-Match")).isEqualTo("\"v1\"");
  }

  @Test
  void conditionalGetWithLastModifiedKeepsValidatorsWhen304OmitsThem() throws Exception {
    String lm = "Sun, 01 Mar 2026 09:00:00 GMT";
    LoopbackServer s = server((req, out, sock) -> {
      if (lm.equals(req.header("If-Modified-Since"))) LoopbackServer.respond(out, 304, (byte[]) null);
      else LoopbackServer.respond(out, 200, FEED, "Last-Modified", lm);
    });
    FetchResult r = fetcher().fetch(new FetchRequest(URI.create(s.url("/feed")), "\"old\"", lm));
    assertThat(r).isInstanceOf(FetchResult.NotModified.class);
    assertThat(((FetchResult.NotModified) r).lastModified()).isEqualTo(lm);
    assertThat(((FetchResult.NotModified) r).etag()).isEqualTo("\"old\"");
    assertThat(s.seen.get(0).header("If-None-Match")).isEqualTo("\"old\"");
  }

  @Test
  void changedFeedAnswers200ToConditionalGet() throws Exception {
    LoopbackServer s = server((req, out, sock) -> LoopbackServer.respond(out, 200, FEED, "ETag", "\"v2\""));
    FetchResult r = fetcher().fetch(new FetchRequest(URI.create(s.url("/feed")), "\"v1\"", null));
    assertThat(r).isInstanceOf(FetchResult.Fetched.class);
    assertThat(((FetchResult.Fetched) r).etag()).isEqualTo("\"v2\"");
  }

  // ---- compression and the body cap

  @Test
  void decodesGzipAndBothFlavoursOfDeflate() throws Exception {
    byte[] plain = FEED.repeat(50).getBytes(StandardCharsets.UTF_8);
    byte[] gz = gzip(plain);
    byte[] zlib = deflate(plain, false);
    byte[] raw = deflate(plain, true);
    LoopbackServer s = server((req, out, sock) -> {
      switch (req.target()) {
        case "/gz" -> LoopbackServer.respond(out, 200, gz, "Content-Encoding", "gzip");
        case "/zlib" -> LoopbackServer.respond(out, 200, zlib, "Content-Encoding", "deflate");
        default -> LoopbackServer.respond(out, 200, raw, "Content-Encoding", "deflate");
      }
    });
    HttpFeedFetcher f = fetcher();
    for (String path : List.of("/gz", "/zlib", "/raw")) {
      FetchResult r = f.fetch(FetchRequest.unconditional(URI.create(s.url(path))));
      assertThat(r).as(path).isInstanceOf(FetchResult.Fetched.class);
      assertThat(((FetchResult.Fetched) r).body()).as(path).isEqualTo(plain);
    }
  }

  @Test
  void corruptGzipIsAnIoFailure() throws Exception {
    LoopbackServer s = server((req, out, sock) ->
        LoopbackServer.respond(out, 200, "not gzip at all", "Content-Encoding", "gzip"));
    failed(fetcher().fetch(FetchRequest.unconditional(URI.create(s.url("/")))), FailureKind.IO);
  }

  @Test
  void announcedOversizeBodyIsRefusedUnread() throws Exception {
    settings = settings.withMaxBodyBytes(1000);
    LoopbackServer s = server((req, out, sock) -> LoopbackServer.respond(out, 200, new byte[5000]));
    FetchResult.Failed f = failed(fetcher().fetch(FetchRequest.unconditional(URI.create(s.url("/")))), FailureKind.TOO_LARGE);
    assertThat(f.message()).contains("1000");
  }

  @Test
  void unannouncedOversizeBodyStopsAtTheCap() throws Exception {
    settings = settings.withMaxBodyBytes(1000);
    // no Content-Length: the body ends when the connection closes, so only counting can catch it
    LoopbackServer s = server((req, out, sock) -> {
      out.write("HTTP/1.1 200 OK\r\nConnection: close\r\n\r\n".getBytes(StandardCharsets.ISO_8859_1));
      out.write(new byte[1_000_000]);
    });
    failed(fetcher().fetch(FetchRequest.unconditional(URI.create(s.url("/")))), FailureKind.TOO_LARGE);
  }

  @Test
  void gzipBombStopsAtTheCapOnDecodedBytes() throws Exception {
    settings = settings.withMaxBodyBytes(1024 * 1024);
    byte[] bomb = gzip(new byte[64 * 1024 * 1024]); // ~64 KB on the wire, 64 MB decoded
    assertThat(bomb.length).isLessThan(1024 * 1024);
    LoopbackServer s = server((req, out, sock) -> LoopbackServer.respond(out, 200, bomb, "Content-Encoding", "gzip"));
    FetchResult.Failed f = failed(fetcher().fetch(FetchRequest.unconditional(URI.create(s.url("/")))), FailureKind.TOO_LARGE);
    assertThat(f.message()).contains("body larger than the cap");
  }

  // ---- redirects

  @Test
  void followsRedirectsAndRecordsTheLeadingPermanentMoves() throws Exception {
    LoopbackServer s = server((req, out, sock) -> {
      switch (req.target()) {
        case "/old" -> LoopbackServer.respond(out, 301, "", "Location", "/older-still");
        case "/older-still" -> LoopbackServer.respond(out, 308, "", "Location", "/new");
        case "/new" -> LoopbackServer.respond(out, 302, "", "Location", "/cdn/feed.xml");
        default -> LoopbackServer.respond(out, 200, FEED);
      }
    });
    FetchResult r = fetcher().fetch(FetchRequest.unconditional(URI.create(s.url("/old"))));
    FetchResult.Fetched f = (FetchResult.Fetched) r;
    assertThat(f.finalUrl()).isEqualTo(URI.create(s.url("/cdn/feed.xml")));
    assertThat(f.permanentRedirect()).isEqualTo(URI.create(s.url("/new")));
  }

  @Test
  void permanentMoveIsReportedOnA304Too() throws Exception {
    LoopbackServer s = server((req, out, sock) -> {
      if (req.target().equals("/old")) LoopbackServer.respond(out, 301, "", "Location", "/new");
      else LoopbackServer.respond(out, 304, (byte[]) null, "ETag", "\"v1\"");
    });
    FetchResult r = fetcher().fetch(new FetchRequest(URI.create(s.url("/old")), "\"v1\"", null));
    assertThat(r).isInstanceOf(FetchResult.NotModified.class);
    assertThat(((FetchResult.NotModified) r).permanentRedirect()).isEqualTo(URI.create(s.url("/new")));
    assertThat(s.seen.get(1).header("If-None-Match")).isEqualTo("\"v1\"");
  }

  @Test
  void permanentMoveAfterATemporaryOneIsNotRecorded() throws Exception {
    LoopbackServer s = server((req, out, sock) -> {
      switch (req.target()) {
        case "/a" -> LoopbackServer.respond(out, 302, "", "Location", "/b");
        case "/b" -> LoopbackServer.respond(out, 301, "", "Location", "/c");
        default -> LoopbackServer.respond(out, 200, FEED);
      }
    });
    FetchResult.Fetched f = (FetchResult.Fetched) fetcher().fetch(FetchRequest.unconditional(URI.create(s.url("/a"))));
    assertThat(f.permanentRedirect()).isNull();
  }

  @Test
  void redirectLoopIsDetected() throws Exception {
    LoopbackServer s = server((req, out, sock) ->
        LoopbackServer.respond(out, 302, "", "Location", req.target().equals("/a") ? "/b" : "/a"));
    FetchResult.Failed f = failed(fetcher().fetch(FetchRequest.unconditional(URI.create(s.url("/a")))), FailureKind.TOO_MANY_REDIRECTS);
    assertThat(f.message()).contains("loop");
    assertThat(s.requests()).isEqualTo(2);
  }

  @Test
  void stopsAfterFiveRedirects() throws Exception {
    LoopbackServer s = server((req, out, sock) -> {
      int n = Integer.parseInt(req.target().substring(1));
      LoopbackServer.respond(out, 302, "", "Location", "/" + (n + 1));
    });
    failed(fetcher().fetch(FetchRequest.unconditional(URI.create(s.url("/0")))), FailureKind.TOO_MANY_REDIRECTS);
    assertThat(s.requests()).isEqualTo(6);
  }

  // ---- SSRF guard

  @Test
  void guardRefusesAPublicLookingNameThatResolvesToLoopback() throws Exception {
    LoopbackServer s = server((req, out, sock) -> LoopbackServer.respond(out, 200, FEED));
    HttpFeedFetcher f = fetcher(mapping("feeds.example.com", ip("127.0.0.1")), AddressGuard.strict());
    FetchResult.Failed r = failed(f.fetch(FetchRequest.unconditional(
        URI.create("http://feeds.example.com:" + s.port() + "/feed"))), FailureKind.BLOCKED_ADDRESS);
    assertThat(r.message()).contains("127.0.0.1").contains("loopback");
    assertThat(s.connectionCount.get()).isZero();
  }

  @Test
  void guardRefusesLiteralMetadataAndLoopbackAddresses() throws Exception {
    HttpFeedFetcher f = fetcher(HostResolver.system(), AddressGuard.strict());
    failed(f.fetch(FetchRequest.unconditional(URI.create("http://169.254.169.254/latest/meta-data/"))), FailureKind.BLOCKED_ADDRESS);
    failed(f.fetch(FetchRequest.unconditional(URI.create("http://[::1]:9/"))), FailureKind.BLOCKED_ADDRESS);
    failed(f.fetch(FetchRequest.unconditional(URI.create("http://[::ffff:10.0.0.1]/"))), FailureKind.BLOCKED_ADDRESS);
    failed(f.fetch(FetchRequest.unconditional(URI.create("http://localhost:9/"))), FailureKind.BLOCKED_ADDRESS);
  }

  @Test
  void guardChecksEveryRedirectHop() throws Exception {
    LoopbackServer internal = server((req, out, sock) -> LoopbackServer.respond(out, 200, "secret"));
    InetAddress publicLooking = ip("127.0.0.2");
    LoopbackServer outside = LoopbackServer.serving(publicLooking, 0, (req, out, sock) -> LoopbackServer.respond(out, 302, "",
        "Location", req.target().equals("/by-name")
            ? "http://intranet.example.com:" + internal.port() + "/"
            : "http://127.0.0.1:" + internal.port() + "/"));
    closeables.add(outside);
    HostResolver dns = host -> switch (host) {
      case "feeds.example.com" -> new InetAddress[] {publicLooking};
      case "intranet.example.com" -> new InetAddress[] {ip("127.0.0.1")};
      default -> HostResolver.system().resolve(host);
    };
    // 127.0.0.2 stands in for a public address; everything else on loopback stays forbidden
    HttpFeedFetcher f = fetcher(dns, AddressGuard.strict().exempting(publicLooking));
    String base = "http://feeds.example.com:" + outside.port();

    failed(f.fetch(FetchRequest.unconditional(URI.create(base + "/by-name"))), FailureKind.BLOCKED_ADDRESS);
    failed(f.fetch(FetchRequest.unconditional(URI.create(base + "/by-literal"))), FailureKind.BLOCKED_ADDRESS);
    assertThat(outside.requests()).isEqualTo(2);
    assertThat(internal.connectionCount.get()).isZero();
  }

  @Test
  void connectsToTheAddressThatWasCheckedEvenIfDnsChangesItsAnswer() throws Exception {
    InetAddress checked = ip("127.0.0.2");
    LoopbackServer good = LoopbackServer.serving(checked, 0, (req, out, sock) -> LoopbackServer.respond(out, 200, "checked"));
    closeables.add(good);
    LoopbackServer evil = LoopbackServer.serving(ip("127.0.0.1"), good.port(), (req, out, sock) -> LoopbackServer.respond(out, 200, "rebound"));
    closeables.add(evil);
    AtomicInteger lookups = new AtomicInteger();
    // first answer passes the guard; any later lookup would hand out the forbidden one
    HostResolver rebinding = host -> new InetAddress[] {lookups.getAndIncrement() == 0 ? checked : ip("127.0.0.1")};
    HttpFeedFetcher f = fetcher(rebinding, AddressGuard.strict().exempting(checked));

    FetchResult r = f.fetch(FetchRequest.unconditional(URI.create("http://rebind.example.com:" + good.port() + "/")));

    assertThat(r).isInstanceOf(FetchResult.Fetched.class);
    assertThat(new String(((FetchResult.Fetched) r).body(), StandardCharsets.UTF_8)).isEqualTo("checked");
    assertThat(lookups.get()).isEqualTo(1);
    assertThat(evil.connectionCount.get()).isZero();
  }

  // ---- throttling

  @Test
  void status429WithRetryAfterPausesTheHostAndPort() throws Exception {
    LoopbackServer s = server((req, out, sock) -> {
      if (req.target().equals("/a")) LoopbackServer.respond(out, 429, "slow down", "Retry-After", "120");
      else LoopbackServer.respond(out, 200, FEED);
    });
    HttpFeedFetcher f = fetcher();
    FetchResult.Failed first = failed(f.fetch(FetchRequest.unconditional(URI.create(s.url("/a")))), FailureKind.THROTTLED);
    assertThat(first.status()).isEqualTo(429);
    assertThat(first.retryAfter()).isEqualTo(Duration.ofSeconds(120));
    String key = HostLimiter.hostKey(URI.create(s.url("/a")));
    assertThat(key).isEqualTo("127.0.0.1:" + URI.create(s.url("/a")).getPort());
    assertThat(f.hostLimiter().pausedUntil(key)).contains(T0.plusSeconds(120));
    // another server on the same address answers for itself
    assertThat(f.hostLimiter().pausedUntil("127.0.0.1:1")).isEmpty();

    // another source on the same host is not even attempted while the pause lasts
    FetchResult.Failed other = failed(f.fetch(FetchRequest.unconditional(URI.create(s.url("/b")))), FailureKind.DEFERRED);
    assertThat(other.retryAfter()).isEqualTo(Duration.ofSeconds(120));
    assertThat(s.requests()).isEqualTo(1);

    clock.advance(Duration.ofSeconds(121));
    assertThat(f.hostLimiter().pausedUntil(key)).isEmpty();
    assertThat(f.fetch(FetchRequest.unconditional(URI.create(s.url("/b"))))).isInstanceOf(FetchResult.Fetched.class);
    assertThat(s.requests()).isEqualTo(2);
  }

  @Test
  void status503WithAnHttpDateRetryAfterPausesTheHost() throws Exception {
    LoopbackServer s = server((req, out, sock) ->
        LoopbackServer.respond(out, 503, "maintenance", "Retry-After", "Sun, 01 Mar 2026 10:30:00 GMT"));
    HttpFeedFetcher f = fetcher();
    FetchResult.Failed r = failed(f.fetch(FetchRequest.unconditional(URI.create(s.url("/")))), FailureKind.THROTTLED);
    assertThat(r.retryAfter()).isEqualTo(Duration.ofMinutes(30));
    failed(f.fetch(FetchRequest.unconditional(URI.create(s.url("/")))), FailureKind.DEFERRED);
    assertThat(s.requests()).isEqualTo(1);
  }

  @Test
  void goneAndOtherStatusesAreValues() throws Exception {
    LoopbackServer s = server((req, out, sock) -> LoopbackServer.respond(out, req.target().equals("/gone") ? 410 : 404, "x"));
    HttpFeedFetcher f = fetcher();
    assertThat(failed(f.fetch(FetchRequest.unconditional(URI.create(s.url("/gone")))), FailureKind.GONE).status()).isEqualTo(410);
    assertThat(failed(f.fetch(FetchRequest.unconditional(URI.create(s.url("/missing")))), FailureKind.HTTP_ERROR).status()).isEqualTo(404);
  }

  // ---- hostile and broken servers

  @Test
  void slowLorisHeadersHitTheTotalTimeout() throws Exception {
    settings = settings.withTimeouts(Duration.ofSeconds(2), Duration.ofSeconds(2), Duration.ofMillis(600));
    LoopbackServer s = server((req, out, sock) -> {
      out.write("HTTP/1.1 200 OK\r\nX-Slow: ".getBytes(StandardCharsets.ISO_8859_1));
      dribble(out);
    });
    // a byte every 50 ms never trips the 2 s read timeout: only the total timeout can end this fetch
    FetchResult.Failed f = failed(fetcher().fetch(FetchRequest.unconditional(URI.create(s.url("/")))), FailureKind.TIMEOUT);
    assertThat(f.message()).contains("total timeout");
  }

  @Test
  void slowLorisBodyHitsTheTotalTimeout() throws Exception {
    settings = settings.withTimeouts(Duration.ofSeconds(2), Duration.ofSeconds(2), Duration.ofMillis(600));
    LoopbackServer s = server((req, out, sock) -> {
      out.write("HTTP/1.1 200 OK\r\nContent-Length: 100000\r\n\r\n<rss>".getBytes(StandardCharsets.ISO_8859_1));
      dribble(out);
    });
    FetchResult.Failed f = failed(fetcher().fetch(FetchRequest.unconditional(URI.create(s.url("/")))), FailureKind.TIMEOUT);
    assertThat(f.message()).contains("total timeout");
  }

  @Test
  void silentServerHitsTheReadTimeout() throws Exception {
    settings = settings.withTimeouts(Duration.ofSeconds(2), Duration.ofMillis(300), Duration.ofSeconds(10));
    LoopbackServer s = server((req, out, sock) -> {
      out.write("HTTP/1.1 200 OK\r\nContent-Length: 10\r\n\r\n".getBytes(StandardCharsets.ISO_8859_1));
      out.flush();
      testOver.await(10, TimeUnit.SECONDS);
    });
    FetchResult.Failed f = failed(fetcher().fetch(FetchRequest.unconditional(URI.create(s.url("/")))), FailureKind.TIMEOUT);
    assertThat(f.message()).contains("read timeout");
  }

  @Test
  void resetMidBodyIsAnIoFailure() throws Exception {
    LoopbackServer s = server((req, out, sock) -> {
      out.write("HTTP/1.1 200 OK\r\nContent-Length: 100000\r\n\r\n<rss><channel>".getBytes(StandardCharsets.ISO_8859_1));
      out.flush();
      sock.setSoLinger(true, 0); // close sends RST
      sock.close();
    });
    failed(fetcher().fetch(FetchRequest.unconditional(URI.create(s.url("/")))), FailureKind.IO);
  }

  @Test
  void unresolvableHostIsADnsFailure() {
    FetchResult.Failed f = failed(fetcher().fetch(FetchRequest.unconditional(URI.create("http://no-such-feed.invalid/rss"))), FailureKind.DNS);
    assertThat(f.message()).contains("no-such-feed.invalid");
  }

  @Test
  void refusedConnectionIsAnIoFailure() throws Exception {
    LoopbackServer s = server((req, out, sock) -> {});
    String url = s.url("/");
    s.close();
    failed(fetcher().fetch(FetchRequest.unconditional(URI.create(url))), FailureKind.IO);
  }

  @Test
  void tlsHandshakeFailureIsATlsFailure() throws Exception {
    // a plain-HTTP server spoken to with https: the ClientHello gets an HTTP error page back
    ServerSocket plain = new ServerSocket(0, 10, InetAddress.getLoopbackAddress());
    closeables.add(plain);
    Thread t = new Thread(() -> {
      try (Socket sock = plain.accept()) {
        sock.getOutputStream().write(
            "HTTP/1.1 400 Bad Request\r\nContent-Length: 0\r\nConnection: close\r\n\r\n".getBytes(StandardCharsets.ISO_8859_1));
        sock.getOutputStream().flush();
        sock.getInputStream().read(new byte[4096]);
      } catch (IOException e) {
        // the client gave up first: fine
      }
    });
    t.setDaemon(true);
    t.start();
    FetchResult.Failed f = failed(fetcher().fetch(FetchRequest.unconditional(
        URI.create("https://127.0.0.1:" + plain.getLocalPort() + "/"))), FailureKind.TLS);
    assertThat(f.message()).contains("TLS");
  }

  @Test
  void selfSignedCertificateIsRefused(@TempDir Path dir) throws Exception {
    Path store = dir.resolve("self.p12");
    Process keytool = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "keytool").toString(),
        "-genkeypair", "-alias", "self", "-keyalg", "EC", "-groupname", "secp256r1", "-dname", "CN=127.0.0.1",
        "-ext", "SAN=ip:127.0.0.1", "-validity", "2", "-storetype", "PKCS12", "-keystore", store.toString(),
        "-storepass", "changeit", "-keypass", "changeit").redirectErrorStream(true).start();
    keytool.getInputStream().transferTo(OutputStream.nullOutputStream());
    assertThat(keytool.waitFor()).isZero();
    KeyStore ks = KeyStore.getInstance("PKCS12");
    try (var in = Files.newInputStream(store)) {
      ks.load(in, "changeit".toCharArray());
    }
    KeyManagerFactory kmf = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
    kmf.init(ks, "changeit".toCharArray());
    SSLContext ctx = SSLContext.getInstance("TLS");
    ctx.init(kmf.getKeyManagers(), null, null);
    ServerSocket tls = ctx.getServerSocketFactory().createServerSocket(0, 10, InetAddress.getLoopbackAddress());
    closeables.add(tls);
    AtomicInteger served = new AtomicInteger();
    Thread t = new Thread(() -> {
      try (Socket sock = tls.accept()) {
        sock.getInputStream().read(new byte[4096]); // the handshake happens here, and fails
        served.incrementAndGet();
        LoopbackServer.respond(sock.getOutputStream(), 200, FEED);
      } catch (IOException e) {
        // the client refused our certificate: expected
      }
    });
    t.setDaemon(true);
    t.start();
    FetchResult.Failed f = failed(fetcher().fetch(FetchRequest.unconditional(
        URI.create("https://127.0.0.1:" + tls.getLocalPort() + "/"))), FailureKind.TLS);
    assertThat(f.message()).containsIgnoringCase("certif");
    assertThat(served.get()).isZero();
  }

  @Test
  void hugeAnnouncedBodyIsRefusedWithoutReadingIt() throws Exception {
    LoopbackServer s = server((req, out, sock) -> {
      out.write("HTTP/1.1 200 OK\r\nContent-Length: 1073741824\r\n\r\n<rss>".getBytes(StandardCharsets.ISO_8859_1));
      out.flush();
      testOver.await(10, TimeUnit.SECONDS);
    });
    FetchResult.Failed f = failed(fetcher().fetch(FetchRequest.unconditional(URI.create(s.url("/")))), FailureKind.TOO_LARGE);
    assertThat(f.message()).contains("1073741824");
  }

  @Test
  void absurdHeadersAreAnIoFailure() throws Exception {
    LoopbackServer s = server((req, out, sock) -> {
      out.write(("HTTP/1.1 200 OK\r\nX-Junk: " + "a".repeat(100_000) + "\r\nContent-Length: 0\r\n\r\n")
          .getBytes(StandardCharsets.ISO_8859_1));
      out.flush();
    });
    failed(fetcher().fetch(FetchRequest.unconditional(URI.create(s.url("/")))), FailureKind.IO);
  }

  @Test
  void nonHttpUrlsAreRefused() {
    failed(fetcher().fetch(FetchRequest.unconditional(URI.create("file:///etc/passwd"))), FailureKind.IO);
  }

  // ---- per-host concurrency

  @Test
  void atMostTwoRequestsToOneHostAtOnce() throws Exception {
    CountDownLatch twoInside = new CountDownLatch(2);
    CountDownLatch allStarted = new CountDownLatch(6);
    CountDownLatch gate = new CountDownLatch(1);
    LoopbackServer s = server((req, out, sock) -> {
      twoInside.countDown();
      gate.await(10, TimeUnit.SECONDS);
      LoopbackServer.respond(out, 200, FEED);
    });
    HttpFeedFetcher f = fetcher();
    ExecutorService pool = Executors.newFixedThreadPool(6);
    try {
      List<Future<FetchResult>> results = new ArrayList<>();
      for (int i = 0; i < 6; i++) {
        URI url = URI.create(s.url("/f" + i));
        results.add(pool.submit(() -> {
          allStarted.countDown();
          return f.fetch(FetchRequest.unconditional(url));
        }));
      }
      assertThat(twoInside.await(10, TimeUnit.SECONDS)).isTrue();
      assertThat(allStarted.await(10, TimeUnit.SECONDS)).isTrue();
      assertThat(s.concurrent.get()).isEqualTo(2);
      gate.countDown();
      for (Future<FetchResult> r : results) assertThat(r.get(10, TimeUnit.SECONDS)).isInstanceOf(FetchResult.Fetched.class);
      assertThat(s.requests()).isEqualTo(6);
      assertThat(s.maxConcurrent.get()).isEqualTo(2);
    } finally {
      pool.shutdownNow();
    }
  }

  // ---- helpers

  /** Writes one byte every 50 ms until the client goes away (or the test ends). */
  private void dribble(OutputStream out) throws InterruptedException {
    ScheduledExecutorService ticker = Executors.newSingleThreadScheduledExecutor();
    CountDownLatch gone = new CountDownLatch(1);
    ticker.scheduleAtFixedRate(() -> {
      try {
        out.write('a');
        out.flush();
      } catch (IOException e) {
        gone.countDown();
      }
    }, 0, 50, TimeUnit.MILLISECONDS);
    try {
      gone.await(10, TimeUnit.SECONDS);
    } finally {
      ticker.shutdownNow();
    }
  }

  static byte[] gzip(byte[] data) throws IOException {
    ByteArrayOutputStream bos = new ByteArrayOutputStream();
    try (GZIPOutputStream gz = new GZIPOutputStream(bos)) {
      gz.write(data);
    }
    return bos.toByteArray();
  }

  static byte[] deflate(byte[] data, boolean raw) throws IOException {
    ByteArrayOutputStream bos = new ByteArrayOutputStream();
    Deflater d = new Deflater(Deflater.DEFAULT_COMPRESSION, raw);
    try (DeflaterOutputStream out = new DeflaterOutputStream(bos, d)) {
      out.write(data);
    } finally {
      d.end();
    }
    return bos.toByteArray();
  }
}
