package dev.tributary.web;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import dev.tributary.publish.ChannelPublisher;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import jakarta.inject.Inject;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Cache busting and header poisoning (issue 17): the self links and the cache key come from
 * tributary.public-url, never from Host or X-Forwarded-*; rotating ?limit= reuses a few cached
 * renderings; malformed headers never answer 500.
 */
@QuarkusTest
@TestProfile(CacheKeyAttackTest.PublicUrlSet.class)
class CacheKeyAttackTest {
  public static class PublicUrlSet implements QuarkusTestProfile {
    @Override
    public Map<String, String> getConfigOverrides() {
      return Map.of("tributary.public-url", "https://news.example.org/");
    }
  }

  @Inject ChannelPublisher publisher;

  private static String channel() {
    return given().get("/api/channels").then().statusCode(200).extract().jsonPath().getString("channels[0].id");
  }

  @Test
  void forgedHostAndForwardedHeadersChangeNeitherLinksNorBytes() {
    String path = "/feeds/" + channel() + ".atom";
    String plain = given().get(path).then().statusCode(200).extract().asString();
    String forged = given().header("Host", "evil.example").header("X-Forwarded-Host", "evil.example")
        .header("X-Forwarded-Proto", "gopher").header("Forwarded", "host=evil.example;proto=http")
        .get(path).then().statusCode(200).extract().asString();
    assertThat(forged).isEqualTo(plain).contains("https://news.example.org/feeds/").doesNotContain("evil.example");
    String opml = given().header("Host", "evil.example").get("/feeds.opml").then().statusCode(200).extract().asString();
    assertThat(opml).contains("https://news.example.org/feeds/").doesNotContain("evil.example");
  }

  @Test
  void rotatingLimitsReuseAFewRenderings() {
    String path = "/feeds/" + channel() + ".json";
    Set<String> etags = new HashSet<>();
    for (int limit = 1; limit <= 500; limit += 7) {
      etags.add(given().queryParam("limit", limit).get(path).then().statusCode(200).extract().header("ETag"));
    }
    assertThat(etags.size()).isLessThanOrEqualTo(PageLimit.CACHED_SIZES.length);
  }

  @ParameterizedTest
  @CsvSource(delimiter = '|', textBlock = """
      Host              | a b
      Host              | [::1
      Host              | evil.example:99999999
      X-Forwarded-Proto | ht tp
      X-Forwarded-Host  | [bad
      Forwarded         | for="[::1;proto=%%%
      """)
  void malformedHeadersNeverGive500(String name, String value) {
    for (String path : new String[] {"/feeds/" + channel() + ".rss", "/feeds.opml", "/api/channels", "/"}) {
      int status = given().header(name, value).get(path).then().extract().statusCode();
      assertThat(status).as(name + ": " + value + " on " + path).isLessThan(500);
    }
  }

  @Test
  void feedsAreNotSniffed() {
    given().get("/feeds/" + channel() + ".rss").then().statusCode(200).header("X-Content-Type-Options", "nosniff");
  }
}
