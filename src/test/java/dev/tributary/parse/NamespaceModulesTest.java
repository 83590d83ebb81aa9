package dev.tributary.parse;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tributary.model.Entry;
import dev.tributary.model.NormalizedFeed;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The common modules are read fully: Media RSS, iTunes, Dublin Core (elements and terms), content. */
class NamespaceModulesTest {
  private static final URI URL = URI.create("https://news.example.ge/feed/");
  private final StandardFeedParser parser = new StandardFeedParser();

  private List<Entry> entries(String items) {
    String xml = "<rss version=\"2.0\" xmlns:media=\"http://search.yahoo.com/mrss/\""
        + " xmlns:itunes=\"http://www.itunes.com/dtds/podcast-1.0.dtd\" xmlns:dcterms=\"http://purl.org/dc/terms/\""
        + " xmlns:content=\"http://purl.org/rss/1.0/modules/content/\"><channel><title>t</title>"
        + "<media:thumbnail url=\"/logo.png\"/>" + items + "</channel></rss>";
    ParseResult result = parser.parse(new FeedDocument(xml.getBytes(StandardCharsets.UTF_8), "application/rss+xml", null, URL));
    return ((ParseResult.Parsed) result).feed().entries();
  }

  @Test
  void mediaThumbnailIsTheEntryImageWithItsSize() {
    Entry e = entries("<item><title>a</title><media:thumbnail url=\"/t/1.jpg\" width=\"120\" height=\"80\"/>"
        + "<media:content url=\"https://cdn.example/full.jpg\" medium=\"image\"/></item>").get(0);
    assertThat(e.image().url()).isEqualTo("https://news.example.ge/t/1.jpg");
    assertThat(e.image().width()).isEqualTo(120);
    assertThat(e.image().height()).isEqualTo(80);
  }

  @Test
  void mediaGroupGivesImageTitleAndDescription() {
    Entry e = entries("<item><media:group><media:title>Group title</media:title>"
        + "<media:description>Tom &amp; Jerry, 3 &lt; 4</media:description>"
        + "<media:content url=\"https://cdn.example/v.mp4\" type=\"video/mp4\">"
        + "<media:thumbnail url=\"https://cdn.example/v.jpg\"/></media:content></media:group></item>").get(0);
    assertThat(e.title()).isEqualTo("Group title");
    assertThat(e.summary()).isEqualTo("Tom &amp; Jerry, 3 &lt; 4");
    assertThat(e.image().url()).isEqualTo("https://cdn.example/v.jpg");
  }

  @Test
  void imageContentItunesImageAndImageEnclosuresInThatOrder() {
    List<Entry> es = entries(
        "<item><title>1</title><media:content url=\"https://cdn.example/p.png\" type=\"image/png\"/>"
            + "<itunes:image href=\"https://cdn.example/cover.jpg\"/></item>"
            + "<item><title>2</title><enclosure url=\"https://cdn.example/e.jpg\" type=\"image/jpeg\" length=\"1\"/>"
            + "<media:content url=\"https://cdn.example/p.png\" medium=\"image\"/></item>"
            + "<item><title>3</title><enclosure url=\"https://cdn.example/e.jpg\" type=\"image/jpeg\" length=\"1\"/></item>"
            + "<item><title>4</title><enclosure url=\"https://cdn.example/a.mp3\" type=\"audio/mpeg\" length=\"1\"/></item>");
    assertThat(es.get(0).image().url()).isEqualTo("https://cdn.example/cover.jpg");
    assertThat(es.get(1).image().url()).isEqualTo("https://cdn.example/p.png");
    assertThat(es.get(2).image().url()).isEqualTo("https://cdn.example/e.jpg");
    assertThat(es.get(3).image()).isNull();
  }

  @Test
  void anImageThatIsNotHttpIsDropped() {
    Entry e = entries("<item><title>x</title><media:thumbnail url=\"javascript:alert(1)\"/></item>").get(0);
    assertThat(e.image()).isNull();
  }

  @Test
  void itunesSubtitleAndDublinCoreTermsFillTheModel() {
    Entry e = entries("<item><title>x</title><itunes:subtitle>Episode subtitle</itunes:subtitle>"
        + "<dcterms:creator>Nino Beridze</dcterms:creator><dcterms:subject>Politics</dcterms:subject>"
        + "<dcterms:date>2026-06-01T10:00:00Z</dcterms:date><dcterms:rights>CC BY</dcterms:rights></item>").get(0);
    assertThat(e.summary()).isEqualTo("Episode subtitle");
    assertThat(e.author().name()).isEqualTo("Nino Beridze");
    assertThat(e.categories().get(0).term()).isEqualTo("Politics");
    assertThat(e.updated()).hasToString("2026-06-01T10:00:00Z");
    assertThat(e.rights()).isEqualTo("CC BY");
  }

  @Test
  void contentEncodedIsTheContentAndTheSummaryFallback() {
    Entry e = entries("<item><title>x</title><content:encoded><![CDATA[<p>Full <b>text</b></p>]]></content:encoded></item>").get(0);
    assertThat(e.content().get(0).value()).isEqualTo("<p>Full <b>text</b></p>");
    assertThat(e.summary()).isEqualTo("<p>Full <b>text</b></p>");
  }

  @Test
  void feedLevelMediaThumbnailIsTheFeedImageFallback() {
    String xml = "<rss version=\"2.0\" xmlns:media=\"http://search.yahoo.com/mrss/\"><channel><title>t</title>"
        + "<media:thumbnail url=\"/logo.png\"/></channel></rss>";
    NormalizedFeed feed = ((ParseResult.Parsed) parser.parse(
        new FeedDocument(xml.getBytes(StandardCharsets.UTF_8), null, null, URL))).feed();
    assertThat(feed.feed().image().url()).isEqualTo("https://news.example.ge/logo.png");
  }

  @Test
  void jsonFeedItemImage() {
    String json = "{\"version\":\"https://jsonfeed.org/version/1.1\",\"title\":\"t\",\"items\":["
        + "{\"id\":\"1\",\"image\":\"/i/1.png\"},{\"id\":\"2\",\"banner_image\":\"https://cdn.example/b.png\"},{\"id\":\"3\"}]}";
    List<Entry> es = ((ParseResult.Parsed) parser.parse(
        new FeedDocument(json.getBytes(StandardCharsets.UTF_8), "application/feed+json", null, URL))).feed().entries();
    assertThat(es.get(0).image().url()).isEqualTo("https://news.example.ge/i/1.png");
    assertThat(es.get(1).image().url()).isEqualTo("https://cdn.example/b.png");
    assertThat(es.get(2).image()).isNull();
  }
}
