package dev.tributary.it;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.anyRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.temporaryRedirect;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static dev.tributary.it.ServiceApi.assertReady;
import static dev.tributary.it.ServiceApi.instant;
import static dev.tributary.it.ServiceApi.source;
import static dev.tributary.it.ServiceApi.storedTitles;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.WireMockServer;
import dev.tributary.config.FeedsRegistry;
import dev.tributary.poll.PollJob;
import dev.tributary.poll.PollReport;
import dev.tributary.testing.LoopbackServer;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;

/**
 * The fault matrix of issue 5, against the real service: every case first lets its source fetch a
 * good feed, then turns its publisher hostile and polls again, and checks that the service stays
 * ready, the source shows the right error, the items stored before are untouched, and the next
 * attempt is scheduled per policy. Timeouts are shrunk by the profile so the suite stays fast.
 */
@QuarkusTest
@TestProfile(FaultMatrixTest.Profile.class)
class FaultMatrixTest {
  public static class Profile implements QuarkusTestProfile {
    @Override
    public Map<String, String> getConfigOverrides() {
      return Map.of(
          "tributary.fetch.connect-timeout", "3s",
          "tributary.fetch.read-timeout", "3s",
          "tributary.fetch.total-timeout", "6s",
          "tributary.fetch.max-body-bytes", "1048576");
    }

    @Override
    public List<TestResourceEntry> testResources() {
      return List.of(new TestResourceEntry(FaultServers.class));
    }

    @Override
    public boolean disableGlobalTestResources() {
      // PipelineTest's FakeFeeds would otherwise write its own feeds.yaml over ours
      return true;
    }
  }

  private static final String RSS = "application/rss+xml";

  @FaultServers.Lab FaultServers.FaultLab lab;
  @Inject PollJob poll;
  @Inject FeedsRegistry registry;

  // ---- byte-level faults (raw socket server) ----

  @Test
  void slowLorisHeadersHitTheTotalTimeout() {
    goodOnRaw("slow-headers");
    lab.raw.route("/slow-headers", LoopbackServer.slowHeaders());
    failuresBefore = (Integer) source("slow-headers").get("consecutiveFailures");
    assertReady(); // warm: the timed calls below measure serving, not first-call costs
    CompletableFuture<PollReport> inFlight = CompletableFuture.supplyAsync(() -> poll.poll("slow-headers"));
    // a fetch stuck on a dribbling server must not hold up serving
    assertReady();
    given().get("/api/sources").then().statusCode(200);
    assertThat(inFlight).as("still dribbling while the service answered").isNotDone();
    assertThat(inFlight.join().result()).isEqualTo(PollReport.Result.FAILED);
    // a header byte every 100 ms never trips the read timeout: only the total timeout ends it
    assertFault("slow-headers", "TIMEOUT", null, "total timeout");
  }

  @Test
  void slowLorisBodyHitsTheTotalTimeout() {
    goodOnRaw("slow-body");
    lab.raw.route("/slow-body", LoopbackServer.slowBody(TestFeeds.good("slow-body")));
    pollFault("slow-body");
    assertFault("slow-body", "TIMEOUT", null, "total timeout");
  }

  @Test
  void resetMidBodyIsAnIoError() {
    goodOnRaw("reset-mid-body");
    lab.raw.route("/reset-mid-body", LoopbackServer.resetMidBody(TestFeeds.rss("reset-mid-body",
        List.of("Half a story that never arrives", "x".repeat(20_000)))));
    pollFault("reset-mid-body");
    assertFault("reset-mid-body", "IO", null, "127.0.0.1");
  }

  @Test
  void gigabyteBodyIsCutAtTheCapWithoutReadingIt() {
    goodOnRaw("gigabyte");
    lab.raw.route("/gigabyte", LoopbackServer.endless(1L << 30));
    pollFault("gigabyte");
    assertFault("gigabyte", "TOO_LARGE", null, "cap of 1048576");
    // the fetcher stopped reading at the cap: only the cap plus socket buffers ever left the server
    assertThat(lab.raw.bodyBytesSent()).isLessThan(64L << 20);
  }

  @Test
  void announcedGigabyteIsRefusedBeforeReadingTheBody() {
    goodOnRaw("gigabyte-announced");
    lab.raw.route("/gigabyte-announced", LoopbackServer.announced(1L << 30));
    pollFault("gigabyte-announced");
    assertFault("gigabyte-announced", "TOO_LARGE", 200, "announced 1073741824 bytes");
  }

  @Test
  void gzipBombIsCutAtTheCapOnTheDecompressedStream() {
    goodOnRaw("gzip-bomb");
    byte[] bomb = TestFeeds.gzipOfZeros(64L << 20);
    assertThat(bomb.length).isLessThan(1 << 20); // small on the wire: only the decoded size is over the cap
    lab.raw.route("/gzip-bomb", LoopbackServer.gzipped(bomb));
    pollFault("gzip-bomb");
    assertFault("gzip-bomb", "TOO_LARGE", null, "cap of 1048576");
  }

  @Test
  void corruptGzipIsAnIoError() {
    goodOnRaw("corrupt-gzip");
    byte[] gz = TestFeeds.gzipOfZeros(1 << 16);
    for (int i = 10; i < gz.length - 8; i++) gz[i] = (byte) (gz[i] ^ 0x5a); // keep the header, break the deflate stream
    lab.raw.route("/corrupt-gzip", LoopbackServer.gzipped(gz));
    pollFault("corrupt-gzip");
    assertFault("corrupt-gzip", "IO", null, "127.0.0.1");
  }

  @Test
  void headerFloodIsRefusedWithoutBufferingIt() {
    goodOnRaw("header-flood");
    lab.raw.route("/header-flood", LoopbackServer.headerFlood());
    pollFault("header-flood");
    // IO, not TIMEOUT: the header limit stopped it long before the total timeout
    assertFault("header-flood", "IO", null, "127.0.0.1");
  }

  @Test
  void tlsHandshakeWithAPlainServerFails() throws Exception {
    goodOnRaw("tls-handshake");
    // the publisher moves to https, but its port still speaks plain HTTP
    moveSource("tls-handshake", "https://127.0.0.1:" + lab.raw.port() + "/tls-handshake");
    pollFault("tls-handshake");
    assertFault("tls-handshake", "TLS", null, "TLS");
  }

  // ---- HTTP-level faults (WireMock) ----

  @Test
  void redirectLoopIsDetected() {
    goodOnWeb(lab.web, "redirect-loop");
    lab.web.stubFor(get("/redirect-loop").willReturn(temporaryRedirect("/redirect-loop-b")));
    lab.web.stubFor(get("/redirect-loop-b").willReturn(temporaryRedirect("/redirect-loop")));
    pollFault("redirect-loop");
    assertFault("redirect-loop", "TOO_MANY_REDIRECTS", 302, "redirect loop");
  }

  @Test
  void endlessRedirectChainStopsAfterFiveHops() {
    goodOnWeb(lab.web, "redirect-chain");
    lab.web.stubFor(get("/redirect-chain").willReturn(temporaryRedirect("/chain/1")));
    for (int i = 1; i <= 20; i++) {
      lab.web.stubFor(get("/chain/" + i).willReturn(temporaryRedirect("/chain/" + (i + 1))));
    }
    pollFault("redirect-chain");
    assertFault("redirect-chain", "TOO_MANY_REDIRECTS", 302, "more than 5 redirects");
    assertThat(lab.web.findAll(getRequestedFor(urlPathMatching("/chain/.*")))).hasSize(5);
  }

  @Test
  void goneParksTheSourceWithAVisibleReason() {
    goodOnWeb(lab.web, "gone");
    lab.web.stubFor(get("/gone").willReturn(aResponse().withStatus(410)));
    Instant before = Instant.now();
    PollReport r = poll.poll("gone");
    assertThat(r.result()).isEqualTo(PollReport.Result.FAILED);
    assertReadyAndItemsKept("gone");
    Map<String, Object> s = source("gone");
    assertThat(s.get("errorKind")).isEqualTo("GONE");
    assertThat(s.get("status")).isEqualTo(410);
    assertThat((String) s.get("parked")).contains("410");
    assertThat(s.get("nextFetch")).isNull();
    assertThat(instant(s, "lastFetch")).isAfterOrEqualTo(before.truncatedTo(ChronoUnit.MILLIS));
  }

  @Test
  void tooManyRequestsPausesTheWholeHostForRetryAfter() {
    goodOnWeb(lab.throttled, "throttled-429");
    goodOnWeb(lab.throttled, "throttled-sibling");
    lab.throttled.stubFor(get("/throttled-429").willReturn(aResponse().withStatus(429).withHeader("Retry-After", "3600")));
    Instant before = Instant.now();
    pollFault("throttled-429");
    Map<String, Object> s = assertFault("throttled-429", "THROTTLED", 429, "Retry-After 3600");
    Instant pauseEnd = before.plusSeconds(3600);
    assertThat(instant(s, "nextFetch")).isAfterOrEqualTo(pauseEnd);

    assertPausedHostIsNotContacted(lab.throttled, "throttled-429", "throttled-sibling", pauseEnd);
  }

  @Test
  void unavailableWithRetryAfterDateIsRespected() {
    goodOnWeb(lab.unavailable, "unavailable-503");
    Instant until = Instant.now().plus(Duration.ofHours(2)).truncatedTo(ChronoUnit.SECONDS);
    String date = DateTimeFormatter.RFC_1123_DATE_TIME.format(ZonedDateTime.ofInstant(until, ZoneOffset.UTC));
    lab.unavailable.stubFor(get("/unavailable-503").willReturn(aResponse().withStatus(503).withHeader("Retry-After", date)));
    pollFault("unavailable-503");
    Map<String, Object> s = assertFault("unavailable-503", "THROTTLED", 503, "Retry-After");
    // HTTP dates have whole seconds: allow the one lost in rounding
    assertThat(instant(s, "nextFetch")).isAfterOrEqualTo(until.minusSeconds(1));

    assertPausedHostIsNotContacted(lab.unavailable, "unavailable-503", null, until.minusSeconds(1));
  }

  @Test
  void flappingServerErrorsBackOffExponentiallyAndRecover() {
    goodOnWeb(lab.web, "flapping");
    lab.web.stubFor(get("/flapping").willReturn(aResponse().withStatus(500).withBody("oops")));
    pollFault("flapping");
    Duration first = gap(assertFault("flapping", "HTTP_ERROR", 500, "HTTP 500"));
    pollFault("flapping");
    Duration second = gap(assertFault("flapping", "HTTP_ERROR", 500, "HTTP 500"));
    // doubling, with ±10 % jitter on each
    assertThat(second).isGreaterThan(first.multipliedBy(3).dividedBy(2));

    goodOnWeb(lab.web, "flapping");
    assertThat(poll.poll("flapping").result()).isEqualTo(PollReport.Result.FETCHED);
    Map<String, Object> healed = source("flapping");
    assertThat(healed.get("error")).isNull();
    assertThat(healed.get("consecutiveFailures")).isEqualTo(0);
    assertThat(healed.get("items")).isEqualTo(2);

    lab.web.stubFor(get("/flapping").willReturn(aResponse().withStatus(500)));
    pollFault("flapping");
    assertFault("flapping", "HTTP_ERROR", 500, "HTTP 500");
  }

  @Test
  void invalidXmlIsAParseError() {
    goodOnWeb(lab.web, "invalid-xml");
    lab.web.stubFor(get("/invalid-xml").willReturn(aResponse().withHeader("Content-Type", RSS).withBody(TestFeeds.invalidXml())));
    pollFault("invalid-xml");
    assertFault("invalid-xml", "PARSE", 200, "not a feed");
  }

  @Test
  void billionLaughsAreNeverExpanded() {
    goodOnWeb(lab.web, "billion-laughs");
    lab.web.stubFor(get("/billion-laughs").willReturn(aResponse().withHeader("Content-Type", RSS).withBody(TestFeeds.billionLaughs())));
    poll.poll("billion-laughs");
    // the DOCTYPE is dropped unread, so the feed is read with the reference left as text (or refused)
    assertReadyAndItemsKept("billion-laughs");
    assertThat(storedTitles("billion-laughs")).allSatisfy(t -> assertThat(t).doesNotContain("lollol").hasSizeLessThan(200));
    Map<String, Object> s = source("billion-laughs");
    assertThat(s.get("errorKind")).isIn(null, "PARSE");
    assertThat(instant(s, "nextFetch")).isAfter(Instant.now());
  }

  @Test
  void xxeNeverReadsLocalFiles() {
    goodOnWeb(lab.web, "xxe");
    byte[] body = TestFeeds.xxe(lab.secretFile.toUri().toString());
    lab.web.stubFor(get("/xxe").willReturn(aResponse().withHeader("Content-Type", RSS).withBody(body)));
    poll.poll("xxe");
    assertReadyAndItemsKept("xxe");
    for (String path : List.of("/api/sources", "/api/channels/ch-xxe/stories", "/feeds/ch-xxe.rss", "/feeds/ch-xxe.atom",
        "/feeds/ch-xxe.json", "/channels/ch-xxe", "/admin", "/")) {
      assertThat(given().get(path).then().statusCode(200).extract().asString()).as(path).doesNotContain(lab.secret);
    }
    String preview = given().queryParam("url", lab.urls.get("xxe")).get("/api/preview").then().extract().asString();
    assertThat(preview).doesNotContain(lab.secret);
  }

  @Test
  void htmlPageInsteadOfAFeedIsAParseError() {
    goodOnWeb(lab.web, "html-page");
    lab.web.stubFor(get("/html-page").willReturn(aResponse().withHeader("Content-Type", "text/html; charset=utf-8")
        .withBody(TestFeeds.html())));
    pollFault("html-page");
    assertFault("html-page", "PARSE", 200, "not a feed");
  }

  @Test
  void wrongCharsetDoesNotCorruptStoredTitles() {
    List<String> titles = List.of("Café in Tbilisi reopens", "თბილისის მერია ახალ ავტობუსებს ყიდულობს");
    byte[] utf8 = TestFeeds.rss("wrong-charset", titles);
    lab.web.stubFor(get("/wrong-charset").willReturn(aResponse().withHeader("Content-Type", RSS + "; charset=utf-8").withBody(utf8)));
    assertThat(poll.poll("wrong-charset").result()).isEqualTo(PollReport.Result.FETCHED);
    assertThat(storedTitles("wrong-charset")).containsExactlyInAnyOrderElementsOf(titles);
    // the same UTF-8 bytes, now labelled Latin-1 by a misconfigured server
    lab.web.stubFor(get("/wrong-charset").willReturn(aResponse().withHeader("Content-Type", "text/xml; charset=iso-8859-1")
        .withBody(utf8)));
    PollReport r = poll.poll("wrong-charset");
    assertThat(r.result()).as(r.toString()).isIn(PollReport.Result.FETCHED, PollReport.Result.FAILED);
    assertReady();
    assertThat(source("wrong-charset").get("items")).isEqualTo(2);
    // the XML declaration and the bytes agree on UTF-8; the titles must not turn into mojibake
    assertThat(storedTitles("wrong-charset")).containsExactlyInAnyOrderElementsOf(titles);
  }

  @Test
  void unresolvableHostIsADnsError() throws Exception {
    goodOnWeb(lab.web, "unresolvable");
    // the publisher's domain lapses
    moveSource("unresolvable", "http://feeds.tributary.invalid/unresolvable");
    pollFault("unresolvable");
    assertFault("unresolvable", "DNS", null, "cannot resolve");
  }

  // ---- steps and checks ----

  private void goodOnRaw(String id) {
    lab.raw.route("/" + id, LoopbackServer.ok(RSS, TestFeeds.good(id)));
    pollGood(id);
  }

  private void goodOnWeb(WireMockServer server, String id) {
    server.stubFor(get("/" + id).willReturn(aResponse().withHeader("Content-Type", RSS).withBody(TestFeeds.good(id))));
    pollGood(id);
  }

  private void pollGood(String id) {
    PollReport r = poll.poll(id);
    assertThat(r.result()).as(r.toString()).isIn(PollReport.Result.FETCHED, PollReport.Result.NOT_MODIFIED);
    Map<String, Object> s = source(id);
    assertThat(s.get("error")).isNull();
    assertThat(s.get("items")).isEqualTo(2);
  }

  /** Polls once against the fault; the poll itself must come back as a failure, never throw. */
  private void pollFault(String id) {
    failuresBefore = (Integer) source(id).get("consecutiveFailures");
    PollReport r = poll.poll(id);
    assertThat(r.result()).as(r.toString()).isEqualTo(PollReport.Result.FAILED);
  }

  private int failuresBefore;

  /** (a) ready, (b) the error shown, (c) items kept, (d) next attempt scheduled with one more failure. */
  private Map<String, Object> assertFault(String id, String kind, Integer status, String errorPart) {
    assertReadyAndItemsKept(id);
    Map<String, Object> s = source(id);
    assertThat(s.get("errorKind")).as(s.toString()).isEqualTo(kind);
    assertThat(s.get("status")).as(s.toString()).isEqualTo(status);
    assertThat((String) s.get("error")).as(s.toString()).contains(errorPart);
    assertThat(s.get("consecutiveFailures")).isEqualTo(failuresBefore + 1);
    assertThat(s.get("parked")).isNull();
    assertThat(instant(s, "nextFetch")).isAfter(Instant.now());
    return s;
  }

  private void assertReadyAndItemsKept(String id) {
    assertReady();
    assertThat(storedTitles(id)).containsAll(TestFeeds.titles(id));
    assertThat(((Number) source(id).get("items")).intValue()).isGreaterThanOrEqualTo(2);
  }

  /**
   * While a host is paused, neither the throttled source nor a sibling on that host reaches it;
   * the deferral moves their next attempt past the pause and leaves their last real outcome on show.
   */
  private void assertPausedHostIsNotContacted(WireMockServer server, String id, String sibling, Instant pauseEnd) {
    int seen = server.findAll(anyRequestedFor(anyUrl())).size();
    Map<String, Object> throttled = source(id);
    PollReport again = poll.poll(id);
    assertThat(again.result()).isEqualTo(PollReport.Result.DEFERRED);
    assertThat(again.error()).contains("paused");
    if (sibling != null) {
      PollReport other = poll.poll(sibling);
      assertThat(other.result()).isEqualTo(PollReport.Result.DEFERRED);
      Map<String, Object> s = source(sibling);
      assertThat(instant(s, "nextFetch")).isAfterOrEqualTo(pauseEnd);
      assertThat(s.get("consecutiveFailures")).isEqualTo(0);
      assertThat(s.get("error")).isNull();
      assertThat(s.get("status")).isEqualTo(200);
      assertThat(storedTitles(sibling)).containsExactlyInAnyOrderElementsOf(TestFeeds.titles(sibling));
    }
    assertThat(server.findAll(anyRequestedFor(anyUrl()))).hasSize(seen);
    Map<String, Object> after = source(id);
    assertThat(instant(after, "nextFetch")).isAfterOrEqualTo(pauseEnd);
    for (String field : List.of("consecutiveFailures", "status", "error", "errorKind", "lastFetch")) {
      assertThat(after.get(field)).as(field).isEqualTo(throttled.get(field));
    }
  }

  private void moveSource(String id, String url) throws Exception {
    lab.urls.put(id, url);
    Files.writeString(lab.feedsFile, FaultServers.feedsYaml(lab.urls), StandardCharsets.UTF_8);
    assertThat(registry.reloadIfChanged()).isNull();
  }

  private static Duration gap(Map<String, Object> s) {
    return Duration.between(instant(s, "lastFetch"), instant(s, "nextFetch"));
  }
}
