package dev.tributary.it;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/** What the fault cases read back through the public HTTP API (never through the database). */
final class ServiceApi {
  private ServiceApi() {}

  static void assertReady() {
    given().get("/q/health/ready").then().statusCode(200);
  }

  /** The source's entry in {@code /api/sources}. */
  static Map<String, Object> source(String id) {
    Map<String, Object> s = given().get("/api/sources").then().statusCode(200).extract().jsonPath()
        .getMap("sources.find { it.id == '" + id + "' }");
    assertThat(s).as("source " + id).isNotNull();
    return s;
  }

  /** Titles of every item in the source's own channel ({@code ch-<id>}, one source each). */
  static List<String> storedTitles(String id) {
    return given().queryParam("limit", 500).get("/api/channels/ch-" + id + "/stories").then().statusCode(200)
        .extract().jsonPath().getList("stories.items.flatten().title", String.class);
  }

  static Instant instant(Map<String, Object> source, String field) {
    Object v = source.get(field);
    assertThat(v).as(field + " of " + source).isNotNull();
    return Instant.parse((String) v);
  }
}
