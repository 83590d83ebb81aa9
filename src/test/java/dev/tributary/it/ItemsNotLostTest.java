package dev.tributary.it;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import dev.tributary.ingest.IncomingItem;
import dev.tributary.ingest.IngestReport;
import dev.tributary.ingest.IngestService;
import dev.tributary.model.NormalizedFeed;
import dev.tributary.parse.FeedDocument;
import dev.tributary.parse.ParseResult;
import dev.tributary.parse.StandardFeedParser;
import dev.tributary.store.ItemEntity;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/**
 * The items-lost checks of issue 13: posts sharing one page, told apart by fragments and guids,
 * are all stored; reports of one link from two sources are both kept, each attributed.
 */
@QuarkusTest
@QuarkusTestResource(FakeFeeds.class)
class ItemsNotLostTest {
  private static final Instant T = Instant.parse("2026-12-05T10:00:00Z");

  @Inject IngestService ingest;

  /** Scripting News puts a day's posts on one page: nine #anchors, nine guids, nine items. */
  @Test
  void postsSharingAPageWithFragmentsAreAllStored() {
    String items = IntStream.rangeClosed(1, 9).mapToObj(i -> """
        <item><title>Post %1$d of the day</title>
        <link>http://scripting.example/2026/12/05.html#a10%1$d</link>
        <guid>http://scripting.example/2026/12/05.html#a10%1$d</guid>
        <description>Short post number %1$d, about topic %1$d.</description>
        <pubDate>Sat, 05 Dec 2026 1%1$d:00:00 GMT</pubDate></item>""".formatted(i)).collect(Collectors.joining());
    NormalizedFeed feed = parse("<rss version=\"2.0\"><channel><title>Scripting</title>" + items + "</channel></rss>");
    assertThat(feed.entries()).hasSize(9);

    IngestReport first = ingest.ingest("flaky", feed, "en");
    IngestReport again = ingest.ingest("flaky", feed, "en");

    assertThat(first.added()).isEqualTo(9);
    assertThat(first.merged()).isZero();
    assertThat(again.unchanged()).isEqualTo(9);
    assertThat(stored("flaky", "http://scripting.example/2026/12/05.html#%")).isEqualTo(9);
    JsonPath sources = given().get("/api/sources").then().statusCode(200).extract().jsonPath();
    Map<String, Object> flaky = sources.getMap("sources.find { it.id == 'flaky' }");
    assertThat(flaky).containsEntry("seen", 9).containsEntry("added", 0);
    assertThat(((Number) flaky.get("stored")).longValue()).isGreaterThanOrEqualTo(9);
  }

  /**
   * Two sources carry one link: the second report joins the first's story under its own source,
   * a duplicate of it when it has no guid of its own, a report in its own right when it has one.
   * Nothing is dropped.
   */
  @Test
  void twoSourcesCarryingOneLinkAreBothAttributed() {
    ingest.ingest("mirror", List.of(item("mirror-bridge", "https://mirror.example/2026/12/bridge?utm_source=rss",
        "Bridge over the Kura reopens to traffic")));
    IngestReport copy = ingest.ingest("flaky", List.of(item(null, "http://MIRROR.example:80/2026/12/bridge#top",
        "Syndicated: the bridge reopens")));
    ingest.ingest("flaky", List.of(item("flaky-dam-1", "https://flaky.example/2026/12/dam", "Dam inspection finds cracks")));
    IngestReport own = ingest.ingest("mirror", List.of(item("urn:mirror:dam-9", "https://flaky.example/2026/12/dam",
        "Mirror: inspectors report cracks in the dam")));

    assertThat(copy.added()).isEqualTo(1);
    assertThat(copy.merged()).isEqualTo(1);
    assertThat(own.added()).isEqualTo(1);
    assertThat(own.merged()).isZero();
    List<ItemEntity> bridge = reportsOf("%/2026/12/bridge%");
    assertThat(bridge).extracting(i -> i.sourceId).containsExactly("mirror", "flaky");
    assertThat(bridge.get(1).storyId).isEqualTo(bridge.get(0).storyId);
    assertThat(bridge.get(1).duplicateOf).isEqualTo(bridge.get(0).id);
    List<ItemEntity> dam = reportsOf("%/2026/12/dam%");
    assertThat(dam).extracting(i -> i.sourceId).containsExactly("flaky", "mirror");
    assertThat(dam.get(1).storyId).isEqualTo(dam.get(0).storyId);
    assertThat(dam.get(1).duplicateOf).isNull();

    JsonPath sources = given().get("/api/sources").then().statusCode(200).extract().jsonPath();
    Map<String, Object> flaky = sources.getMap("sources.find { it.id == 'flaky' }");
    assertThat(((Number) flaky.get("merged")).longValue()).isGreaterThanOrEqualTo(1);
    given().get("/admin").then().statusCode(200);
  }

  private static List<ItemEntity> reportsOf(String urlPattern) {
    return QuarkusTransaction.requiringNew().call(() -> ItemEntity.<ItemEntity>list("lower(url) like ?1 order by id", urlPattern));
  }

  private static IncomingItem item(String guid, String url, String title) {
    return new IncomingItem(guid, url, title, "<p>" + title + "</p>", title, null, "en", T, null);
  }

  private static long stored(String source, String urlPattern) {
    return QuarkusTransaction.requiringNew().call(() -> ItemEntity.count("sourceId = ?1 and url like ?2", source, urlPattern));
  }

  private static NormalizedFeed parse(String body) {
    ParseResult result = new StandardFeedParser().parse(new FeedDocument(body.getBytes(StandardCharsets.UTF_8), null, null,
        URI.create("http://scripting.example/rss.xml")));
    assertThat(result).isInstanceOf(ParseResult.Parsed.class);
    return ((ParseResult.Parsed) result).feed();
  }
}
