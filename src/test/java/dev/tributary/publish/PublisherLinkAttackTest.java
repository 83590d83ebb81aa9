package dev.tributary.publish;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.tributary.model.Entry;
import dev.tributary.model.Link;
import dev.tributary.model.NormalizedFeed;
import dev.tributary.parse.FeedDocument;
import dev.tributary.parse.ParseResult;
import dev.tributary.parse.StandardFeedParser;
import dev.tributary.store.ReportView;
import dev.tributary.store.StoryView;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Stored XSS through publisher links (issue 17): a feed whose item link, Atom link, JSON Feed
 * url/external_url/image, enclosure or content link is {@code javascript:} or {@code data:} must
 * not get that URL into the normalized feed, nor into any merged feed built from stored rows.
 */
class PublisherLinkAttackTest {
  private static final URI FEED_URL = URI.create("https://publisher.example/feed");
  private static final String JS = "javascript:alert(document.cookie)";
  private static final String DATA = "data:text/html,&lt;script&gt;alert(1)&lt;/script&gt;";
  private static final Instant T = Instant.parse("2026-11-25T10:00:00Z");

  static Stream<String[]> hostileFeeds() {
    String rss = """
        <rss version="2.0"><channel><title>t</title><link>%1$s</link>
        <image><url>%1$s</url><title>i</title><link>%2$s</link></image>
        <item><title>A</title><link>%1$s</link><comments>%2$s</comments>
        <enclosure url="%2$s" type="audio/mpeg" length="1"/>
        <description>&lt;a href="%1$s"&gt;x&lt;/a&gt;&lt;img src="%2$s"&gt;&lt;a href="mailto:x@y"&gt;m&lt;/a&gt;</description></item>
        <item><title>B</title><guid isPermaLink="true">%1$s</guid></item>
        </channel></rss>""".formatted(JS, DATA);
    String atom = """
        <feed xmlns="http://www.w3.org/2005/Atom"><title>t</title><id>urn:x</id><link href="%1$s"/>
        <author><name>n</name><uri>%1$s</uri></author>
        <entry><title>A</title><id>urn:a</id><link href="%1$s"/><link rel="alternate" href=" JaVaScRiPt:alert(1)"/>
        <link rel="enclosure" href="%2$s" type="image/png"/><link rel="related" href="java&#x09;script:alert(1)"/>
        <content type="html">&lt;a href="%1$s"&gt;x&lt;/a&gt;</content></entry></feed>""".formatted(JS, DATA);
    String json = """
        {"version":"https://jsonfeed.org/version/1.1","title":"t","home_page_url":"%1$s","icon":"%2$s",
         "items":[{"id":"1","title":"A","url":"%1$s","external_url":"%2$s","image":"%1$s",
         "content_html":"<a href=\\"%1$s\\">x</a>",
         "attachments":[{"url":"%2$s","mime_type":"text/html"}],"authors":[{"name":"n","url":"%1$s"}]}]}"""
        .formatted(JS, "data:text/html,<script>alert(1)</script>");
    return Stream.of(new String[] {"rss", rss}, new String[] {"atom", atom}, new String[] {"json", json});
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("hostileFeeds")
  void parsedFeedKeepsNoScriptableUrl(String format, String body) throws Exception {
    NormalizedFeed feed = parse(body);
    assertThat(feed.entries()).isNotEmpty();
    String json = new ObjectMapper().findAndRegisterModules().writeValueAsString(feed);
    // an id is a name, never followed as a link: a guid may read like anything
    assertNoScriptableUrl(json.replaceAll("\"id\":\"[^\"]*\"", ""));
    for (Entry e : feed.entries()) {
      assertThat(e.link()).isNull();
      if (e.links() != null) {
        assertThat(e.links()).extracting(Link::href).allMatch(h -> h.startsWith("http"));
      }
    }
  }

  @Test
  void safeLinksSurviveNextToHostileOnes() throws Exception {
    NormalizedFeed feed = parse("""
        <rss version="2.0"><channel><title>t</title><item><title>A</title><link>https://publisher.example/a</link>
        <description>&lt;a href="/b"&gt;b&lt;/a&gt;</description></item></channel></rss>""");
    assertThat(feed.entries().get(0).link()).isEqualTo("https://publisher.example/a");
    assertThat(feed.entries().get(0).summary()).contains("href=\"https://publisher.example/b\"");
  }

  /** Rows stored before the rule (or by any other path) are filtered again on the way out. */
  @Test
  void mergedFeedsNeverRepublishAStoredHostileLink() {
    List<ReportView> reports = new ArrayList<>();
    reports.add(new ReportView(1, "evil", "Evil\u202Efdp.exe", JS, "Click\u202Eme", "<a href=\"" + JS + "\">x</a>"
        + "<img src=\"data:image/svg+xml,<svg onload=alert(1)>\">", null, "en", T, T, null));
    reports.add(new ReportView(2, "evil", "Evil", "data:text/html,<script>alert(1)</script>", "B", null, null, "en", T, T, null));
    StoryView story = new StoryView(1, "s1", "Title\u202Eevil", JS, T, T, reports);
    ChannelFeed feed = new ChannelFeed("c", "C", "d", "http://localhost:8080", T, List.of(story));
    for (byte[] bytes : List.of(RssWriter.write(feed), AtomWriter.write(feed), JsonFeedWriter.write(feed))) {
      String text = new String(bytes, StandardCharsets.UTF_8);
      assertNoScriptableUrl(text);
      // the headline is a report's title, with the hidden override gone
      assertThat(text).doesNotContain("\u202E").contains("Clickme");
    }
    String html = StoryHtml.render(ShownStory.of(story, null));
    assertThat(html).doesNotContain("href=").doesNotContain("onload");
  }

  private static NormalizedFeed parse(String body) {
    ParseResult result = new StandardFeedParser().parse(
        new FeedDocument(body.getBytes(StandardCharsets.UTF_8), null, null, FEED_URL));
    assertThat(result).isInstanceOf(ParseResult.Parsed.class);
    return ((ParseResult.Parsed) result).feed();
  }

  private static void assertNoScriptableUrl(String text) {
    String lower = text.toLowerCase(Locale.ROOT).replace("\\t", "").replace("&#x09;", "").replace("\t", "");
    assertThat(lower).doesNotContain("javascript:").doesNotContain("data:").doesNotContain("mailto:");
  }
}
