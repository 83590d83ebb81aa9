package dev.tributary.web;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;

import dev.tributary.publish.OpmlOutline;
import dev.tributary.publish.OpmlReader;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import java.io.IOException;
import java.io.InputStream;
import org.junit.jupiter.api.Test;

/** /feeds.opml is public and readable by the importer; the import is admin-only and answers feeds.yaml text. */
@QuarkusTest
@TestProfile(AdminAuthTest.WithToken.class)
class OpmlTest {
  private static final String BEARER = "Bearer " + AdminAuthTest.TOKEN;

  @Test
  void channelListIsOpmlThatReadsBack() {
    byte[] body = given().get("/feeds.opml").then().statusCode(200)
        .header("Content-Type", containsString("text/x-opml")).extract().asByteArray();
    OpmlReader.Result result = OpmlReader.read(body);
    assertThat(result).isInstanceOf(OpmlReader.Result.Read.class);
    assertThat(((OpmlReader.Result.Read) result).feeds()).isNotEmpty()
        .allSatisfy(f -> assertThat(f.xmlUrl()).matches("http://[^/]+/feeds/[a-z0-9-]+\\.rss"))
        .extracting(OpmlOutline::htmlUrl).allSatisfy(u -> assertThat(u).contains("/channels/"));
  }

  @Test
  void importNeedsTheAdminToken() throws IOException {
    given().body(fixture("nested-2.0.opml")).post("/api/opml/import").then().statusCode(401);
  }

  @Test
  void importAnswersSourcesToPaste() throws IOException {
    String yaml = given().header("Authorization", BEARER).contentType("text/x-opml").body(fixture("nested-2.0.opml"))
        .post("/api/opml/import").then().statusCode(200).header("Content-Type", containsString("text/plain"))
        .extract().asString();
    assertThat(yaml).contains("sources:", "url: https://jam-news.net/feed/", "- regional-press", "title: ინტერპრესნიუსი");
  }

  @Test
  void badUploadsGetAClearError() {
    given().header("Authorization", BEARER).body("<html><body>hi</body></html>").post("/api/opml/import")
        .then().statusCode(400).body("message", containsString("not <opml>"));
    given().header("Authorization", BEARER).body("").post("/api/opml/import")
        .then().statusCode(400).body("message", containsString("OPML"));
    given().header("Authorization", BEARER).body(new byte[OpmlImportResource.MAX_BYTES + 1]).post("/api/opml/import")
        .then().statusCode(413);
  }

  private static byte[] fixture(String name) throws IOException {
    try (InputStream in = OpmlTest.class.getResourceAsStream("/opml/" + name)) {
      return in.readAllBytes();
    }
  }
}
