package dev.tributary.web;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;

import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Probing /api with junk (issue 17): a JSON 404 with a message every time, never an empty or HTML body. */
@QuarkusTest
class ApiNotFoundTest {
  @ParameterizedTest
  @ValueSource(strings = {
    "/api/nope", "/api/channels/no-such-channel/stories", "/api/channels/{first}/stories?limit=abc",
    "/api/channels/no-such/stories?limit=abc", "/api/sources/no-such/nope", "/api/channels/x/y/z"})
  void jsonNotFound(String template) {
    String first = given().get("/api/channels").then().extract().jsonPath().getString("channels[0].id");
    given().urlEncodingEnabled(false).get(template.replace("{first}", first)).then()
        .statusCode(404)
        .contentType(containsString("application/json"))
        .body("error", equalTo("Not Found"))
        .body("message", not(equalTo("")));
  }

  @ParameterizedTest
  @ValueSource(strings = {"/channels/no-such-channel", "/feeds/no-such-channel.rss", "/nope"})
  void pagesAndFeedsSayWhatIsMissing(String path) {
    given().get(path).then().statusCode(404).body(not(equalTo(""))).body(not(containsString("<html")))
        .body(not(containsString("Exception")));
  }
}
