package dev.tributary.parse;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

class FeedDiscoveryTest {
  private static final URI PAGE = URI.create("https://news.example.am/hy/index.html");

  private static List<FeedDiscovery.FeedLink> links(String html, String contentType, Charset charset) {
    return FeedDiscovery.links(new FeedDocument(html.getBytes(charset), contentType, null, PAGE));
  }

  @Test
  void resolvesAgainstThePageAndItsBaseAndKeepsHttpOnly() {
    List<FeedDiscovery.FeedLink> feeds = links("""
        <html><head><base href="https://cdn.example.am/feeds/">
        <link rel="Alternate nofollow" type="Application/RSS+XML; charset=utf-8" href="main.xml" title=" Main ">
        <link rel="alternate" type="application/atom+xml" href="//other.example/atom">
        <link rel="alternate" type="application/rss+xml" href="main.xml">
        <link rel="alternate" type="application/rss+xml" href="ftp://files.example/feed">
        <link rel="alternate" type="application/rss+xml" href="data:text/xml,<rss/>">
        <link rel="alternate" type="application/json+oembed" href="/oembed">
        <link rel="alternate" hreflang="en" href="/en/">
        <link rel="feed" type="application/rss+xml" href="/not-alternate.xml">
        </head></html>""", "text/html", StandardCharsets.UTF_8);
    assertThat(feeds).containsExactly(
        new FeedDiscovery.FeedLink("https://cdn.example.am/feeds/main.xml", "Main", "application/rss+xml"),
        new FeedDiscovery.FeedLink("https://other.example/atom", null, "application/atom+xml"));
  }

  @Test
  void readsTitlesInThePagesCharset() {
    List<FeedDiscovery.FeedLink> feeds = links("<html><head><meta charset=\"windows-1251\">"
        + "<link rel=\"alternate\" type=\"application/rss+xml\" title=\"Новости\" href=\"/rss\"></head></html>",
        "text/html", Charset.forName("windows-1251"));
    assertThat(feeds).containsExactly(new FeedDiscovery.FeedLink("https://news.example.am/rss", "Новости", "application/rss+xml"));
  }

  @Test
  void nothingToFindIsEmpty() {
    assertThat(links("", "text/html", StandardCharsets.UTF_8)).isEmpty();
    assertThat(links("<rss version=\"2.0\"><channel/></rss>", "application/xml", StandardCharsets.UTF_8)).isEmpty();
    assertThat(FeedDiscovery.links(null)).isEmpty();
  }
}
