package dev.tributary.it;

import static io.restassured.RestAssured.given;
import static io.restassured.config.DecoderConfig.decoderConfig;
import static org.assertj.core.api.Assertions.assertThat;

import dev.tributary.ingest.IncomingItem;
import dev.tributary.ingest.IngestService;
import dev.tributary.publish.ChannelPublisher;
import dev.tributary.publish.FeedFormat;
import dev.tributary.store.Revisions;
import dev.tributary.store.SourceEntity;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusMock;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.http.Header;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import jakarta.inject.Inject;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.zip.GZIPInputStream;
import org.junit.jupiter.api.Test;

/**
 * Merged feeds in gzip and brotli: compressed once per content (never per request, and never a
 * second time by the HTTP layer), each coding with its own ETag that a 304 honours, Vary on
 * every answer, and new ETags once a story arrives. The first request after a change is answered
 * by the REST resource, the next ones by the event-loop route; both must send the same headers.
 */
@QuarkusTest
class FeedEncodingTest {
  private static final String FEED = "/feeds/lab.rss";
  private static final Instant T0 = Instant.parse("2026-10-20T08:00:00Z");

  @Inject ChannelPublisher publisher;
  @Inject IngestService ingest;
  @Inject Revisions revisions;

  /** A request whose body comes back as sent, compressed or not. */
  private static RequestSpecification raw(String acceptEncoding) {
    RequestSpecification r = given().config(RestAssured.config().decoderConfig(decoderConfig().noContentDecoders()));
    return acceptEncoding == null ? r : r.header("Accept-Encoding", acceptEncoding);
  }

  private static String gunzip(byte[] bytes) throws IOException {
    try (var in = new GZIPInputStream(new ByteArrayInputStream(bytes))) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
  }

  private static Set<String> names(Response r) {
    return r.headers().asList().stream().map(Header::getName).filter(n -> !n.equalsIgnoreCase("Date"))
        .collect(Collectors.toSet());
  }

  private void addStory(String key) {
    ingest.ingest("flaky", List.of(new IncomingItem("enc-" + key, "https://flaky.example/enc/" + key,
        "Ferry line " + key + " opens across the Black Sea", "<p>A ferry line opened.</p>", "A ferry line opened.",
        null, "en", T0.plusSeconds(key.hashCode() & 0xffff), null)));
  }

  @Test
  void gzipIsMadeOnceAndServedAsIs() throws IOException {
    addStory("once");
    String identity = raw(null).get(FEED).then().statusCode(200).header("Content-Encoding", (String) null)
        .header("Vary", "Accept-Encoding").extract().asString();
    double compressions = publisher.compressions();
    for (int i = 0; i < 20; i++) {
      Response gz = raw("gzip").get(FEED);
      assertThat(gz.statusCode()).isEqualTo(200);
      assertThat(gz.header("Content-Encoding")).isEqualTo("gzip");
      assertThat(gz.header("Vary")).isEqualTo("Accept-Encoding");
      // one layer of gzip: the HTTP layer's own compression did not wrap it again
      assertThat(gunzip(gz.asByteArray())).isEqualTo(identity);
      Response br = raw("gzip, deflate, br").get(FEED);
      assertThat(br.statusCode()).isEqualTo(200);
      assertThat(br.header("Content-Encoding")).isEqualTo("br");
    }
    assertThat(publisher.compressions()).as("compressions for requests of unchanged content").isEqualTo(compressions);
    // a coding we do not store is not made per request either
    assertThat(raw("deflate").get(FEED).then().statusCode(200).header("Content-Encoding", (String) null)
        .extract().asString()).isEqualTo(identity);
    assertThat(raw("gzip;q=0, identity").get(FEED).then().statusCode(200).header("Content-Encoding", (String) null)
        .extract().asString()).isEqualTo(identity);
  }

  @Test
  void eachCodingHasItsOwnEtagAndItsOwn304() {
    addStory("etags");
    Map<String, String> tags = new LinkedHashMap<>();
    for (String coding : new String[] {"identity", "gzip", "br"}) {
      Response ok = raw(coding).get(FEED);
      assertThat(ok.statusCode()).isEqualTo(200);
      String etag = ok.header("ETag");
      tags.put(coding, etag);
      raw(coding).header("If-None-Match", etag).get(FEED).then().statusCode(304)
          .header("ETag", etag).header("Vary", "Accept-Encoding").header("Last-Modified", ok.header("Last-Modified"));
      raw(coding).header("If-None-Match", "W/" + etag).get(FEED).then().statusCode(304);
      raw(coding).header("If-Modified-Since", ok.header("Last-Modified")).get(FEED).then().statusCode(304)
          .header("ETag", etag);
    }
    assertThat(tags.values()).doesNotHaveDuplicates();
    assertThat(tags.get("gzip")).isEqualTo(tags.get("identity").replaceAll("\"$", "-gzip\""));
    // the identity validator does not stand for the gzip bytes
    Response gz = raw("gzip").header("If-None-Match", tags.get("identity")).get(FEED);
    assertThat(gz.statusCode()).isEqualTo(200);
    assertThat(gz.header("Content-Encoding")).isEqualTo("gzip");
  }

  @Test
  void aNewStoryGivesNewEtagsAndOneCompression() {
    addStory("before");
    String identityBefore = raw(null).get(FEED).then().statusCode(200).extract().header("ETag");
    String gzipBefore = raw("gzip").get(FEED).header("ETag");
    double compressions = publisher.compressions();

    addStory("after");
    Response cold = raw("gzip").get(FEED); // rendered by the resource
    Response hot = raw("gzip").get(FEED);  // answered from memory by the route
    assertThat(cold.statusCode()).isEqualTo(200);
    assertThat(cold.header("ETag")).isNotEqualTo(gzipBefore).endsWith("-gzip\"");
    for (String h : new String[] {"ETag", "Last-Modified", "Cache-Control", "Vary", "Content-Type", "Content-Encoding",
        "Content-Length", "X-Content-Type-Options", "Content-Security-Policy"}) {
      assertThat(hot.header(h)).as(h).isEqualTo(cold.header(h)).isNotNull();
    }
    assertThat(hot.asByteArray()).isEqualTo(cold.asByteArray());
    // names as written too: some clients keep headers in case-sensitive maps
    assertThat(names(hot)).isEqualTo(names(cold)).contains("ETag", "Last-Modified", "Vary", "Content-Encoding");
    assertThat(raw(null).get(FEED).then().statusCode(200).extract().header("ETag")).isNotEqualTo(identityBefore);
    assertThat(publisher.compressions()).isEqualTo(compressions + 1);
    assertThat(raw("gzip").header("If-None-Match", gzipBefore).get(FEED).statusCode()).isEqualTo(200);
    raw("gzip").header("If-None-Match", hot.header("ETag")).get(FEED).then().statusCode(304);
  }

  /**
   * A story another replica stored fires no event here: the route keeps answering from memory
   * and reads the revision in the background once its second is up, so the story shows soon.
   */
  @Test
  void anotherReplicasStoryShowsWithoutALocalEvent() {
    SteppedClock clock = new SteppedClock(Instant.now());
    QuarkusMock.installMockForType(clock, InstantSource.class);
    addStory("replica-before");
    String before = raw("gzip").get(FEED).header("ETag");
    assertThat(raw("gzip").get(FEED).header("ETag")).isEqualTo(before); // cached, answered by the route
    QuarkusTransaction.requiringNew().run(this::storeAsAnotherReplica);
    assertThat(raw("gzip").get(FEED).header("ETag")).as("within the second the revision read stands")
        .isEqualTo(before);
    clock.advance(Duration.ofSeconds(2));
    // the second is up and no read is under way: this read of the revision goes to the database
    publisher.feed("lab", FeedFormat.RSS, 1, "http://revision.check");
    assertThat(raw("gzip").get(FEED).header("ETag")).isNotEqualTo(before);
    assertThat(raw(null).get(FEED).asString()).contains("Gori fortress reopens to visitors");
  }

  /** A clock the test moves by hand (installed for one test; Quarkus puts the real one back). */
  private static final class SteppedClock implements InstantSource {
    private volatile Instant now;

    SteppedClock(Instant start) {
      now = start;
    }

    @Override
    public Instant instant() {
      return now;
    }

    void advance(Duration d) {
      now = now.plus(d);
    }
  }

  private void storeAsAnotherReplica() {
    long seq = AnotherReplica.store(revisions, "mirror", "enc-other-replica", "Gori fortress reopens to visitors",
        "https://mirror.example/enc/gori", "mirror.example/enc/gori", "<p>The fortress reopened.</p>",
        T0.plusSeconds(86_400)).seq();
    SourceEntity.<SourceEntity>findByIdOptional("mirror").ifPresent(s -> s.revision = seq);
  }

  @Test
  void headAnswersTheLengthOfTheCodingItWouldSend() {
    addStory("head");
    int gzipLength = raw("gzip").get(FEED).asByteArray().length;
    raw("gzip").get(FEED); // now cached: the HEAD below is the route's
    raw("gzip").head(FEED).then().statusCode(200).header("Content-Encoding", "gzip")
        .header("Content-Length", String.valueOf(gzipLength)).header("Vary", "Accept-Encoding");
    raw(null).head(FEED).then().statusCode(200).header("Content-Encoding", (String) null);
  }

  @Test
  void oddRequestsStillGetTheResourceAnswers() {
    raw(null).get("/feeds/lab.xml").then().statusCode(404);
    raw(null).get("/feeds/nowhere.rss").then().statusCode(404);
    raw(null).queryParam("limit", 0).get(FEED).then().statusCode(400);
    Response limited = raw("gzip").queryParam("limit", 3).get(FEED);
    assertThat(limited.statusCode()).isEqualTo(200);
    assertThat(limited.header("Content-Encoding")).isEqualTo("gzip");
    raw(null).post(FEED).then().statusCode(405);
  }
}
