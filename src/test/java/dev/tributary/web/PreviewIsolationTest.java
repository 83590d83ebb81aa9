package dev.tributary.web;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.WireMockServer;
import dev.tributary.fetch.FetchRequest;
import dev.tributary.fetch.FetchResult;
import dev.tributary.fetch.HttpFeedFetcher;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.locks.LockSupport;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * /api/preview as a lever on the poller (issue 17): a preview that meets a 429 pauses no poll,
 * slow previews cannot hold the poller's connections, previews in flight and per client are
 * capped, a feed that expands does not become a 20 MB answer, and failures do not tell a closed
 * port from an unknown host.
 */
@QuarkusTest
@TestProfile(PreviewIsolationTest.SmallPreviews.class)
class PreviewIsolationTest {
  public static class SmallPreviews implements QuarkusTestProfile {
    @Override
    public Map<String, String> getConfigOverrides() {
      return Map.of("tributary.preview.concurrency", "2", "tributary.preview.per-client-per-minute", "1000",
          "tributary.preview.max-answer-bytes", "100000", "tributary.preview.timeout", "4s");
    }
  }

  static WireMockServer publisher;

  @Inject HttpFeedFetcher pollFetcher;

  @BeforeAll
  static void start() {
    publisher = new WireMockServer(options().dynamicPort().bindAddress("127.0.0.1").gzipDisabled(true));
    publisher.start();
    publisher.stubFor(get("/throttled").willReturn(aResponse().withStatus(429).withHeader("Retry-After", "86400")));
    publisher.stubFor(get("/slow").willReturn(aResponse().withFixedDelay(2500).withHeader("Content-Type", "application/rss+xml")
        .withBody(rss(2, 10))));
    publisher.stubFor(get("/fast").willReturn(aResponse().withHeader("Content-Type", "application/rss+xml").withBody(rss(2, 10))));
    publisher.stubFor(get("/big").willReturn(aResponse().withHeader("Content-Type", "application/rss+xml").withBody(rss(400, 600))));
  }

  @AfterAll
  static void stop() {
    publisher.stop();
  }

  @Test
  void aThrottledPreviewPausesNoPoll() {
    given().queryParam("url", url("/throttled")).get("/api/preview").then().statusCode(502);
    assertThat(pollFetcher.hostLimiter().pausedUntil("127.0.0.1")).isEmpty();
    FetchResult polled = pollFetcher.fetch(FetchRequest.unconditional(URI.create(url("/fast"))));
    assertThat(polled).isInstanceOf(FetchResult.Fetched.class);
  }

  @Test
  void slowPreviewsAreCappedAndLeaveThePollerAlone() throws Exception {
    ExecutorService clients = Executors.newFixedThreadPool(6);
    try {
      List<CompletableFuture<Integer>> answers = new ArrayList<>();
      for (int i = 0; i < 6; i++) {
        answers.add(CompletableFuture.supplyAsync(
            () -> given().queryParam("url", url("/slow")).get("/api/preview").then().extract().statusCode(), clients));
      }
      // wait until the previews are in flight, blocked on the slow publisher, and the cap has refused the rest
      long deadline = System.nanoTime() + 10_000_000_000L;
      while (System.nanoTime() < deadline
          && (publisher.findAll(getRequestedFor(urlEqualTo("/slow"))).isEmpty()
              || answers.stream().noneMatch(a -> a.isDone() && a.join() == 503))) {
        LockSupport.parkNanos(20_000_000L); // poll the condition, a few times a second
      }
      FetchResult polled = pollFetcher.fetch(FetchRequest.unconditional(URI.create(url("/fast"))));
      assertThat(polled).isInstanceOf(FetchResult.Fetched.class);
      // the poll was answered while the previews still hung on the slow publisher: it waited for none of them
      assertThat(answers).as("previews still in flight when the poll fetch returned").anyMatch(a -> !a.isDone());
      List<Integer> codes = answers.stream().map(CompletableFuture::join).toList();
      assertThat(codes).contains(503).contains(200);
      assertThat(codes.stream().filter(c -> c == 200).count()).isLessThanOrEqualTo(2);
    } finally {
      clients.shutdownNow();
    }
  }

  @Test
  void anExpandingFeedIsCutToTheAnswerCap() {
    Response r = given().queryParam("url", url("/big")).get("/api/preview");
    r.then().statusCode(200);
    assertThat(r.asByteArray().length).isLessThanOrEqualTo(100_000);
    String[] shown = r.getHeader("X-Preview-Entries").split("/");
    assertThat(Integer.parseInt(shown[1])).isEqualTo(400);
    assertThat(Integer.parseInt(shown[0])).isBetween(1, 399);
    assertThat(r.jsonPath().getList("entries")).hasSize(Integer.parseInt(shown[0]));
  }

  @Test
  void failuresDoNotMapTheNetwork() {
    String closedPort = given().queryParam("url", "http://127.0.0.1:1/feed").get("/api/preview").then().statusCode(502)
        .extract().jsonPath().getString("message");
    String unknownHost = given().queryParam("url", "http://no-such-host.invalid/feed").get("/api/preview").then()
        .statusCode(502).extract().jsonPath().getString("message");
    assertThat(closedPort).isEqualTo(unknownHost).isEqualTo("fetch failed: could not fetch this URL");
  }

  private static String url(String path) {
    return "http://127.0.0.1:" + publisher.port() + path;
  }

  private static String rss(int items, int words) {
    StringBuilder b = new StringBuilder("<rss version=\"2.0\"><channel><title>t</title><link>https://p.example/</link>");
    String text = "word ".repeat(words);
    for (int i = 0; i < items; i++) {
      b.append("<item><title>Item ").append(i).append("</title><link>https://p.example/").append(i)
          .append("</link><description>").append(text).append("</description></item>");
    }
    return b.append("</channel></rss>").toString();
  }
}
