package dev.tributary.it;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;

import com.github.tomakehurst.wiremock.WireMockServer;
import dev.tributary.config.FeedsRegistry;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Live reload of feeds.yaml: good edits take effect, broken ones are refused and reported. */
@QuarkusTest
class ReloadTest {
  @FakeFeeds.Server Path feedsFile;
  @FakeFeeds.Server WireMockServer server;
  @Inject FeedsRegistry registry;

  @AfterEach
  void restore() throws Exception {
    Files.writeString(feedsFile, FakeFeeds.feedsYaml(server.port()), StandardCharsets.UTF_8);
    assertThat(registry.reloadIfChanged()).isNull();
  }

  @Test
  void brokenEditIsRefusedWithPositionAndTheLastGoodFileStays() throws Exception {
    String broken = FakeFeeds.feedsYaml(server.port()).replace("sources: [herald]", "sources: [herald, ghost]");
    Files.writeString(feedsFile, broken, StandardCharsets.UTF_8);

    String error = registry.reloadIfChanged();

    assertThat(error).contains(feedsFile.toString()).contains("unknown source 'ghost'").matches("(?s).*:\\d+:\\d+: .*");
    given().get("/api/status").then().statusCode(200)
        .body("lastError", containsString("unknown source 'ghost'"))
        .body("lastError", containsString(feedsFile.toString()));
    given().get("/admin").then().statusCode(200).body(containsString("unknown source"));
    // Still serving on the last good file.
    given().get("/feeds/georgia.rss").then().statusCode(200);
    given().get("/api/channels").then().body("channels.id", hasItem("georgia"));
  }

  @Test
  void goodEditTakesEffect() throws Exception {
    String edited = FakeFeeds.feedsYaml(server.port()) + """
          - id: caucasus-extra
            title: Extra
            sources: [wire, baku]
        """;
    Files.writeString(feedsFile, edited, StandardCharsets.UTF_8);

    assertThat(registry.reloadIfChanged()).isNull();

    given().get("/api/channels").then().body("channels.id", hasItem("caucasus-extra"));
    given().get("/feeds/caucasus-extra.atom").then().statusCode(200);
    given().get("/api/status").then().body("lastError", nullValue());
  }

  @Test
  void removedChannelIsGoneAfterReload() throws Exception {
    String edited = FakeFeeds.feedsYaml(server.port()).replace("""
          - id: lab
            title: Lab
            tags: [lab]
        """, "");
    Files.writeString(feedsFile, edited, StandardCharsets.UTF_8);
    assertThat(registry.reloadIfChanged()).isNull();
    given().get("/api/channels").then().body("channels.id", not(hasItem("lab")));
    given().get("/feeds/lab.rss").then().statusCode(404);
  }

  @Test
  void anEmptyChannelIsDatedByItsDataNotByTheReplicaThatServesIt() throws Exception {
    String withQuiet = FakeFeeds.feedsYaml(server.port()).replace("channels:\n", """
          - id: quiet
            url: http://127.0.0.1:9/never-polled.rss
            tags: [quiet]
        channels:
          - id: quiet
            title: Quiet
            tags: [quiet]
        """);
    Files.writeString(feedsFile, withQuiet, StandardCharsets.UTF_8);
    assertThat(registry.reloadIfChanged()).isNull();
    var first = given().get("/feeds/quiet.atom").then().statusCode(200).extract();

    // Another load of the same file, as another replica (or this one after a restart) would have.
    Files.writeString(feedsFile, withQuiet + "# reloaded\n", StandardCharsets.UTF_8);
    assertThat(registry.reloadIfChanged()).isNull();
    var second = given().get("/feeds/quiet.atom").then().statusCode(200).extract();

    assertThat(first.header("Last-Modified")).isEqualTo("Thu, 1 Jan 1970 00:00:00 GMT");
    assertThat(second.header("ETag")).isEqualTo(first.header("ETag"));
    assertThat(second.asByteArray()).isEqualTo(first.asByteArray());
    given().header("If-None-Match", first.header("ETag")).get("/feeds/quiet.atom").then().statusCode(304);
  }
}
