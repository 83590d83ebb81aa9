package dev.tributary.it;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;

import com.github.tomakehurst.wiremock.WireMockServer;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

/**
 * {@code /api/preview} never answers 500: what is not a feed gets a 422 that says why, and an HTML
 * page gets the feeds it links (autodiscovery) so an admin can put one in feeds.yaml.
 */
@QuarkusTest
@QuarkusTestResource(FakeFeeds.class)
class PreviewTest {
  @FakeFeeds.Server WireMockServer server;

  private String serve(String path, String contentType, String body) {
    server.stubFor(get(path).willReturn(aResponse().withHeader("Content-Type", contentType).withBody(body)));
    return "http://127.0.0.1:" + server.port() + path;
  }

  @Test
  void anEmptyDocumentIsA422() {
    String url = serve("/preview-empty", "application/rss+xml", "");
    given().queryParam("url", url).get("/api/preview").then()
        .statusCode(422).contentType("application/json").body("message", containsString("empty document"))
        .body("feeds", hasSize(0));
  }

  @Test
  void anHtmlPageListsTheFeedsItLinks() {
    String url = serve("/site/index.html", "text/html; charset=utf-8", """
        <!DOCTYPE html><html><head><title>News</title>
        <link rel="stylesheet" href="/style.css">
        <link rel="alternate" type="application/rss+xml" title="All news" href="/feed.rss">
        <link rel="alternate" type="application/atom+xml" href="https://other.example/atom">
        <link rel="alternate" type="application/feed+json" title="JSON" href="feed.json">
        <link rel="alternate" type="application/json" href="/wp-json/wp/v2/pages/1">
        <link rel="alternate" type="application/rss+xml" href="javascript:alert(1)">
        </head><body><p>Hello</p></body></html>""");
    String base = "http://127.0.0.1:" + server.port();
    given().queryParam("url", url).get("/api/preview").then()
        .statusCode(422).contentType("application/json")
        .body("message", containsString("links 3 feeds"))
        .body("feeds", hasSize(3))
        .body("feeds[0].url", equalTo(base + "/feed.rss"))
        .body("feeds[0].title", equalTo("All news"))
        .body("feeds[0].type", equalTo("application/rss+xml"))
        .body("feeds[1].url", equalTo("https://other.example/atom"))
        .body("feeds[2].url", equalTo(base + "/site/feed.json"));
  }

  @Test
  void anHtmlPageWithoutFeedsSaysItIsNotAFeed() {
    String url = serve("/plain-page", "text/html", "<html><body><p>No feeds here</p></body></html>");
    given().queryParam("url", url).get("/api/preview").then()
        .statusCode(422).body("message", containsString("not a feed")).body("feeds", hasSize(0));
  }

  @Test
  void doctypeLookingTextInsideADescriptionIsJustText() {
    String url = serve("/doctype-in-description", "application/rss+xml", """
        <?xml version="1.0" encoding="utf-8"?>
        <rss version="2.0"><channel><title>T</title>
        <item><title>One</title><description>&lt;!DOCTYPE html&gt;&lt;p&gt;body&lt;/p&gt;</description></item>
        <item><title>Two</title><description><![CDATA[<!DOCTYPE html PUBLIC "-//W3C//DTD XHTML 1.0//EN"><html><body><p>x</p></body></html>]]></description></item>
        <item><title>Three</title><description>&lt;!ENTITY x "y"&gt; and &lt;!' text</description></item>
        </channel></rss>""");
    given().queryParam("url", url).get("/api/preview").then()
        .statusCode(200).body("entries", hasSize(3)).body("entries[1].title", equalTo("Two"));
  }
}
