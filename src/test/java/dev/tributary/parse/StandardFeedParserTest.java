package dev.tributary.parse;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tributary.model.Entry;
import dev.tributary.model.NormalizedFeed;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

class StandardFeedParserTest {
  private static final URI URL = URI.create("https://news.example.ge/feed/");
  private final StandardFeedParser parser = new StandardFeedParser();

  private static byte[] fixture(String name) throws IOException {
    try (InputStream in = StandardFeedParserTest.class.getResourceAsStream("/feeds/" + name)) {
      assertThat(in).as(name).isNotNull();
      return in.readAllBytes();
    }
  }

  private NormalizedFeed parsed(byte[] body, String contentType) {
    ParseResult result = parser.parse(new FeedDocument(body, contentType, null, URL));
    assertThat(result).isInstanceOf(ParseResult.Parsed.class);
    return ((ParseResult.Parsed) result).feed();
  }

  private NormalizedFeed parsed(String fixture) throws IOException {
    return parsed(fixture(fixture), null);
  }

  @Test
  void windows1251DeclaredInXml() throws IOException {
    NormalizedFeed feed = parsed("rss-windows-1251.xml");
    assertThat(feed.meta().encoding()).isEqualTo("windows-1251");
    assertThat(feed.meta().version()).isEqualTo("rss20");
    assertThat(feed.meta().bozo()).isFalse();
    assertThat(feed.feed().title()).isEqualTo("Новости Тбилиси");
    assertThat(feed.feed().ttl()).isEqualTo(30);
    Entry entry = feed.entries().get(0);
    assertThat(entry.title()).isEqualTo("Парламент обсудил бюджет на следующий год");
    assertThat(entry.link()).isEqualTo("https://news.example.ge/ru/budget");
    assertThat(entry.published()).isEqualTo(Instant.parse("2025-03-14T06:00:00Z"));
    assertThat(entry.description()).isEqualTo("<p>Заседание прошло <b>спокойно</b></p>").isEqualTo(entry.summary());
  }

  @Test
  void httpCharsetWinsOverXmlDeclaration() throws IOException {
    NormalizedFeed feed = parsed(fixture("rss-windows-1251.xml"), "application/rss+xml; charset=windows-1251");
    assertThat(feed.meta().encoding()).isEqualTo("windows-1251");
    assertThat(feed.feed().title()).isEqualTo("Новости Тбилиси");
  }

  @Test
  void koi8rWithoutDeclarationIsDetected() throws IOException {
    NormalizedFeed feed = parsed("rss-koi8r-undeclared.xml");
    assertThat(feed.meta().encoding()).isEqualTo("koi8-r");
    assertThat(feed.feed().title()).isEqualTo("Новости Тбилиси");
    assertThat(feed.meta().bozo()).isTrue();
  }

  @Test
  void utf8MislabelledAsWindows1251IsReadAsUtf8() throws IOException {
    NormalizedFeed feed = parsed("rss-mislabelled-utf8.xml");
    assertThat(feed.meta().encoding()).isEqualTo("utf-8");
    assertThat(feed.meta().bozo()).isTrue();
    assertThat(feed.feed().title()).isEqualTo("საქართველოს პარლამენტმა ბიუჯეტი განიხილა");
    assertThat(feed.entries().get(0).id()).isEqualTo("ka-1");
    assertThat(feed.entries().get(0).link()).isNull();
  }

  @Test
  void utf16WithBom() throws IOException {
    NormalizedFeed feed = parsed("atom-utf16le-bom.xml");
    assertThat(feed.meta().encoding()).isEqualTo("utf-16le");
    assertThat(feed.meta().version()).isEqualTo("atom10");
    assertThat(feed.feed().title()).isEqualTo("Հայաստանի կառավարությունը հաստատեց նոր ծրագիր");
    assertThat(feed.feed().language()).isEqualTo("hy");
    assertThat(feed.entries().get(0).link()).isEqualTo("https://example.am/1");
  }

  @Test
  void utf8Bom() throws IOException {
    NormalizedFeed feed = parsed("atom-utf8-bom.xml");
    assertThat(feed.meta().encoding()).isEqualTo("utf-8");
    assertThat(feed.feed().title()).isEqualTo("საქართველოს პარლამენტმა ბიუჯეტი განიხილა");
  }

  @Test
  void htmlEntitiesAndNetscapeDoctype() throws IOException {
    NormalizedFeed feed = parsed("rss-html-entities.xml");
    assertThat(feed.meta().version()).isEqualTo("rss091n");
    assertThat(feed.feed().title()).isEqualTo("Café — news\u00a0today & more");
    assertThat(feed.entries().get(0).title()).isEqualTo("Tom & Jerry … © 2025 &bogus; AT&T");
    assertThat(feed.entries().get(0).description()).isEqualTo("<p>Hello&nbsp;world</p>");
    assertThat(feed.meta().bozo()).isTrue();
  }

  @Test
  void externalEntitiesAreNeverResolved() throws IOException {
    NormalizedFeed feed = parsed("rss-xxe.xml");
    assertThat(feed.feed().title()).doesNotContain("root:").startsWith("before").endsWith("after");
    assertThat(feed.entries()).hasSize(1);
  }

  @Test
  void entityExpansionIsImpossible() throws IOException {
    NormalizedFeed feed = parsed("rss-billion-laughs.xml");
    assertThat(feed.feed().title()).hasSizeLessThan(100).doesNotContain("lollollol");
  }

  @Test
  void notWellFormedIsRecovered() throws IOException {
    NormalizedFeed feed = parsed("rss-not-wellformed.xml");
    assertThat(feed.meta().bozo()).isTrue();
    assertThat(feed.meta().bozoReason()).isNotBlank();
    assertThat(feed.entries()).extracting(Entry::link).contains("http://example.org/1");
  }

  @Test
  void aLargeOneFeedStreamArrivesWhole() {
    StringBuilder rss = new StringBuilder("<rss version=\"2.0\"><channel><title>stream</title>");
    StringBuilder json = new StringBuilder("{\"version\":\"https://jsonfeed.org/version/1.1\",\"title\":\"stream\",\"items\":[");
    for (int i = 0; i < 12_000; i++) {
      rss.append("<item><title>headline ").append(i).append("</title><guid>g").append(i).append("</guid></item>");
      json.append(i == 0 ? "" : ",").append("{\"id\":\"g").append(i).append("\",\"title\":\"headline ").append(i).append("\"}");
    }
    rss.append("</channel></rss>");
    json.append("]}");
    assertThat(parsed(rss.toString().getBytes(StandardCharsets.UTF_8), null).entries()).hasSize(12_000);
    assertThat(parsed(json.toString().getBytes(StandardCharsets.UTF_8), "application/feed+json").entries()).hasSize(12_000);
  }

  @Test
  void htmlPageIsNotAFeed() throws IOException {
    ParseResult result = parser.parse(new FeedDocument(fixture("page.html"), "text/html", null, URL));
    assertThat(result).isInstanceOfSatisfying(ParseResult.NotAFeed.class,
        n -> assertThat(n.reason()).contains("html"));
  }

  @Test
  void garbageIsNotAFeed() {
    byte[] junk = new byte[4096];
    new Random(7).nextBytes(junk);
    assertThat(parser.parse(new FeedDocument(junk, null, null, URL))).isInstanceOf(ParseResult.NotAFeed.class);
    assertThat(parser.parse(new FeedDocument(new byte[0], null, null, URL))).isInstanceOf(ParseResult.NotAFeed.class);
    assertThat(parser.parse(null)).isInstanceOf(ParseResult.NotAFeed.class);
  }

  @Test
  void jsonFeed10() throws IOException {
    NormalizedFeed feed = parsed(fixture("jsonfeed-10.json"), "application/feed+json");
    assertThat(feed.meta().version()).isEqualTo("json10");
    assertThat(feed.feed().title()).isEqualTo("ქართული ამბები");
    assertThat(feed.feed().link()).isEqualTo("https://example.ge/");
    assertThat(feed.feed().author().name()).isEqualTo("Nino");
    Entry entry = feed.entries().get(0);
    assertThat(entry.id()).isEqualTo("42");
    assertThat(entry.link()).isEqualTo("https://news.example.ge/post/42");
    assertThat(entry.content().get(0).value())
        .isEqualTo("<p>Hi <a href=\"https://news.example.ge/more\">more</a></p>");
    assertThat(entry.published()).isEqualTo(Instant.parse("2025-03-14T06:00:00Z"));
    assertThat(entry.categories()).extracting(c -> c.term()).containsExactly("politics", "tbilisi");
    assertThat(entry.enclosures().get(0).length()).isEqualTo(1234L);
  }

  @Test
  void jsonFeed11() throws IOException {
    NormalizedFeed feed = parsed(fixture("jsonfeed-11.json"), null);
    assertThat(feed.meta().version()).isEqualTo("json11");
    assertThat(feed.feed().language()).isEqualTo("hy");
    Entry entry = feed.entries().get(0);
    assertThat(entry.summary()).isEqualTo("Short &amp; sweet");
    assertThat(entry.content().get(0).value()).isEqualTo("Plain text <not html>");
    assertThat(entry.author().email()).isEqualTo("ani@example.am");
    assertThat(entry.updated()).isEqualTo(Instant.parse("2025-03-15T08:30:00Z"));
  }

  @Test
  void jsonThatIsNotAFeed() {
    byte[] body = "{\"hello\": \"world\"}".getBytes(StandardCharsets.UTF_8);
    assertThat(parser.parse(new FeedDocument(body, "application/json", null, URL))).isInstanceOf(ParseResult.NotAFeed.class);
  }

  @Test
  void xmlBaseAndContentLocationResolveLinksAndContent() {
    String atom = """
        <feed xmlns="http://www.w3.org/2005/Atom" xml:base="/blog/">
          <entry xml:base="2025/">
            <link href="post.html"/>
            <content type="html">&lt;a href="img/x.png"&gt;x&lt;/a&gt;&lt;img src="javascript:alert(1)"&gt;</content>
          </entry>
        </feed>""";
    ParseResult result = parser.parse(new FeedDocument(atom.getBytes(StandardCharsets.UTF_8),
        "application/atom+xml", "https://cdn.example.org/feeds/atom.xml", URL));
    Entry entry = ((ParseResult.Parsed) result).feed().entries().get(0);
    assertThat(entry.link()).isEqualTo("https://cdn.example.org/blog/2025/post.html");
    assertThat(entry.content().get(0).value())
        .isEqualTo("<a href=\"https://cdn.example.org/blog/2025/img/x.png\">x</a><img>");
  }

  @Test
  void invalidXmlCharactersAreDropped() {
    String rss = "<rss version=\"2.0\"><channel><title>bad\u0001\u000bchars</title></channel></rss>";
    NormalizedFeed feed = parsed(rss.getBytes(StandardCharsets.UTF_8), null);
    assertThat(feed.feed().title()).isEqualTo("badchars");
    assertThat(feed.meta().bozo()).isTrue();
  }

  @Test
  void parsingIsThreadSafe() throws Exception {
    byte[] body = fixture("rss-windows-1251.xml");
    ExecutorService pool = Executors.newFixedThreadPool(8);
    try {
      List<Future<NormalizedFeed>> futures = new ArrayList<>();
      for (int i = 0; i < 64; i++) {
        futures.add(pool.submit(() -> parsed(body, null)));
      }
      for (var f : futures) {
        assertThat(f.get().feed().title()).isEqualTo("Новости Тбилиси");
      }
    } finally {
      pool.shutdownNow();
    }
  }

  @Test
  void jsonControlCharactersAreDropped() {
    String json = "{\"version\":\"https://jsonfeed.org/version/1.1\",\"title\":\"a\\u0001b\\u0000c\","
        + "\"items\":[{\"id\":\"1\",\"title\":\"\\ud800x\"}]}";
    NormalizedFeed feed = parsed(json.getBytes(StandardCharsets.UTF_8), "application/feed+json");
    assertThat(feed.feed().title()).isEqualTo("abc");
    assertThat(feed.entries().get(0).title()).isEqualTo("x");
  }

  @Test
  void textXmlWithoutCharsetFallsBackToTheDeclaration() throws IOException {
    NormalizedFeed feed = parsed(fixture("rss-windows-1251.xml"), "text/xml");
    assertThat(feed.meta().encoding()).isEqualTo("windows-1251");
    assertThat(feed.meta().bozo()).isTrue();
    assertThat(feed.feed().title()).isEqualTo("Новости Тбилиси");
  }

  @Test
  void blankLinesBeforeTheXmlDeclarationAreTolerated() {
    String rss = "\n\n  <?xml version=\"1.0\" encoding=\"utf-8\"?><rss version=\"2.0\"><channel><title>WP</title>"
        + "<item><title>Post</title></item></channel></rss>";
    NormalizedFeed feed = parsed(rss.getBytes(StandardCharsets.UTF_8), "application/rss+xml");
    assertThat(feed.feed().title()).isEqualTo("WP");
    assertThat(feed.entries()).hasSize(1);
    assertThat(feed.meta().bozo()).isTrue();
    assertThat(feed.meta().bozoReason()).contains("white space");
  }
}
