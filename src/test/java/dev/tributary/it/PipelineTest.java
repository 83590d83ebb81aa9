package dev.tributary.it;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.startsWith;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.WireMock;
import dev.tributary.poll.PollJob;
import dev.tributary.poll.PollReport;
import dev.tributary.poll.ServiceGauges;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import java.io.IOException;
import java.io.InputStream;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.assertj.core.groups.Tuple;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

/** Poll → store → publish through the real service, against fake publishers on loopback. */
@QuarkusTest
@QuarkusTestResource(FakeFeeds.class)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class PipelineTest {
  @FakeFeeds.Server WireMockServer server;
  @Inject PollJob poll;
  @Inject ServiceGauges gauges;

  @BeforeEach
  void publishers() throws IOException {
    server.resetAll();
    stub("/herald.rss", "tbilisi-herald.rss", "application/rss+xml", "\"h1\"");
    stub("/wire.atom", "yerevan-wire.atom", "application/atom+xml", "\"w1\"");
    stub("/baku.json", "baku-daily.json", "application/feed+json", "\"b1\"");
    server.stubFor(get("/flaky.rss").willReturn(aResponse().withStatus(500).withBody("down for maintenance")));
  }

  @Test
  @Order(1)
  void firstPollStoresEveryEntryOnceAndPublishesThem() {
    pollAll();

    String rss = given().get("/feeds/region.rss").then().statusCode(200)
        .header("Content-Type", containsString("application/rss+xml"))
        .header("ETag", notNullValue()).header("Last-Modified", notNullValue())
        .header("Cache-Control", containsString("max-age"))
        .extract().asString();
    assertThat(rss).contains("Cable car to Narikala reopens after repairs", "Armenian parliament passes the 2027 budget",
        "Caspian ferry timetable extended for winter", "თბილისის მერია ახალ ავტობუსებს ყიდულობს");
    assertThat(rss).doesNotContain("<script").doesNotContain("alert(1)");
    // The wire's copy of the Herald link (other case, default port, fragment) is kept as the wire's
    // report of the Herald's story, not dropped and not a story of its own (the item count below).
    assertThat(rss).contains("Same cable car story, carried by the wire");
    // The Herald's picture (an image enclosure) is the merged item's Media RSS thumbnail.
    assertThat(rss).contains("<media:thumbnail url=\"https://herald.example/img/cable-car.jpg\"");

    JsonPath json = given().get("/feeds/region.json").then().statusCode(200)
        .header("Content-Type", containsString("application/feed+json")).extract().jsonPath();
    assertThat(json.getString("version")).isEqualTo("https://jsonfeed.org/version/1.1");
    assertThat(json.getList("items")).hasSize(4);
    assertThat(json.getList("items._tributary.items.source.flatten()")).contains("herald", "wire", "baku");

    given().get("/feeds/region.atom").then().statusCode(200)
        .header("Content-Type", containsString("application/atom+xml"))
        .body(containsString("rel=\"related\""));

    // The georgia channel names only the herald.
    String georgia = given().get("/feeds/georgia.rss").then().statusCode(200).extract().asString();
    assertThat(georgia).contains("Cable car").doesNotContain("Armenian parliament");
  }

  @Test
  @Order(2)
  void conditionalGetIsSentBackToPublishersAndUnchangedFeedsChangeNothing() {
    String etagBefore = given().get("/feeds/region.rss").then().extract().header("ETag");
    server.resetRequests();
    server.stubFor(get("/herald.rss").withHeader("If-None-Match", WireMock.equalTo("\"h1\""))
        .willReturn(aResponse().withStatus(304).withHeader("ETag", "\"h1\"")));

    List<PollReport> outcomes = pollAll();

    server.verify(getRequestedFor(urlEqualTo("/herald.rss")).withHeader("If-None-Match", WireMock.equalTo("\"h1\"")));
    assertThat(outcomes).extracting(PollReport::sourceId, PollReport::result)
        .contains(Tuple.tuple("herald", PollReport.Result.NOT_MODIFIED));
    assertThat(outcomes).allSatisfy(o -> assertThat(o.added()).isZero());
    assertThat(outcomes).allSatisfy(o -> assertThat(o.updated()).isZero());
    given().get("/feeds/region.rss").then().header("ETag", equalTo(etagBefore));
  }

  @Test
  @Order(3)
  void mergedFeedsAnswer304ToTheirOwnValidators() {
    Response first = given().get("/feeds/region.atom");
    String etag = first.header("ETag");
    String lastModified = first.header("Last-Modified");
    given().header("If-None-Match", etag).get("/feeds/region.atom").then().statusCode(304).header("ETag", etag);
    given().header("If-Modified-Since", lastModified).get("/feeds/region.atom").then().statusCode(304);
    given().header("If-None-Match", "\"something-else\"").get("/feeds/region.atom").then().statusCode(200);
  }

  @Test
  @Order(4)
  void sourcesShowTheirHealth() {
    given().get("/api/sources").then().statusCode(200)
        .body("sources.id", hasItem("herald"))
        .body("sources.find { it.id == 'herald' }.status", equalTo(304)) // the last poll was conditional
        .body("sources.find { it.id == 'herald' }.items", equalTo(2))
        .body("sources.find { it.id == 'herald' }.error", equalTo(null))
        .body("sources.find { it.id == 'herald' }.lastSuccess", notNullValue())
        .body("sources.find { it.id == 'flaky' }.status", equalTo(500))
        .body("sources.find { it.id == 'flaky' }.error", containsString("500"))
        .body("sources.find { it.id == 'flaky' }.nextFetch", notNullValue());
    // as an API client posts (REST Assured's default form type would be a form post, which needs a CSRF token)
    given().contentType("application/json").post("/api/sources/flaky/fetch").then().statusCode(202);
    given().contentType("application/json").post("/api/sources/nowhere/fetch").then().statusCode(404);
  }

  @Test
  @Order(5)
  void storiesApiPagesThroughEveryStoryOnce() {
    JsonPath first = given().get("/api/channels/region/stories?limit=3").then().statusCode(200).extract().jsonPath();
    assertThat(first.getList("stories")).hasSize(3);
    String next = first.getString("next");
    assertThat(next).isNotNull();
    JsonPath second = given().queryParam("cursor", next).get("/api/channels/region/stories?limit=3")
        .then().statusCode(200).extract().jsonPath();
    assertThat(second.getList("stories")).hasSize(1);
    assertThat(second.getString("next")).isNull();
    List<String> ids = new ArrayList<>(first.getList("stories.id"));
    ids.addAll(second.getList("stories.id"));
    assertThat(ids).doesNotHaveDuplicates().hasSize(4);
    Map<String, Object> item = second.getMap("stories[0].items[0]");
    assertThat(item).containsKeys("source", "url", "title", "published", "language");
    // the RSS item of a story is its edition: the API names its number and date
    for (Map<String, Object> story : first.<Map<String, Object>>getList("stories")) {
      assertThat((Integer) story.get("edition")).isGreaterThanOrEqualTo(1);
      assertThat(Instant.parse((String) story.get("edition_published")))
          .isAfterOrEqualTo(Instant.parse((String) story.get("published")));
    }
    given().get("/api/channels/region/stories?cursor=garbage").then().statusCode(400);
  }

  @Test
  @Order(6)
  void unknownChannelsAndFormatsAre404WithoutStackTraces() {
    given().get("/feeds/nowhere.rss").then().statusCode(404).body("message", containsString("nowhere"))
        .body(not(containsString("Exception")));
    given().get("/feeds/region.xml").then().statusCode(404);
    given().get("/api/channels/nowhere/stories").then().statusCode(404);
  }

  @Test
  @Order(7)
  void opsEndpointsAnswer() {
    // polling ran before this test, so the story index the start-up thread loads is in place
    given().get("/q/health/ready").then().statusCode(200)
        .body("checks.find { it.name == 'tributary' }.data.storyIndex", startsWith("loaded "));
    given().get("/q/health/live").then().statusCode(200);
    given().get("/q/metrics").then().statusCode(200).body(containsString("tributary_polls"));
    given().get("/api/channels").then().statusCode(200).body("channels.id", hasItem("region"));
    given().get("/feeds.opml").then().statusCode(200).body(containsString("/feeds/region.rss"));
    given().get("/").then().statusCode(200).body(containsString("Region"));
    given().get("/channels/region").then().statusCode(200).body(containsString("Cable car"));
    given().get("/admin").then().statusCode(200).body(containsString("flaky"));
    given().get("/api/status").then().statusCode(200).body("sources", equalTo(5));
  }

  @Test
  @Order(8)
  void metricsShowWhatAnOperatorAlertsOn() {
    gauges.refresh();
    String scrape = given().get("/q/metrics").then().statusCode(200).extract().asString();
    assertThat(scrape)
        .contains("tributary_fetch_duration_seconds_bucket{outcome=\"fetched\"")
        .contains("tributary_fetch_duration_seconds_count{outcome=\"not-modified\"}")
        .containsPattern("tributary_sources\\{health=\"failing\"\\} 1\\.0")
        .containsPattern("tributary_source_failures\\{source=\"flaky\"\\} [1-9]")
        .containsPattern("tributary_source_last_success_seconds\\{source=\"herald\"\\} [1-9]")
        .containsPattern("tributary_items_stored [1-9]")
        .contains("tributary_feeds_reload_refused 0.0");
  }

  private List<PollReport> pollAll() {
    List<PollReport> out = new ArrayList<>();
    for (String id : List.of("herald", "wire", "baku", "flaky")) {
      out.add(poll.poll(id));
    }
    return out;
  }

  private void stub(String path, String fixture, String type, String etag) throws IOException {
    try (InputStream in = getClass().getResourceAsStream("/fixtures/" + fixture)) {
      server.stubFor(get(path).willReturn(aResponse().withStatus(200).withHeader("Content-Type", type)
          .withHeader("ETag", etag).withBody(in.readAllBytes())));
    }
  }
}
