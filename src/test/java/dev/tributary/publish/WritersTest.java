package dev.tributary.publish;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.rometools.rome.feed.synd.SyndFeed;
import com.rometools.rome.io.SyndFeedInput;
import dev.tributary.store.ReportView;
import dev.tributary.store.StoryView;
import java.io.ByteArrayInputStream;
import java.time.Instant;
import java.util.List;
import java.util.stream.Stream;
import javax.xml.parsers.DocumentBuilderFactory;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Entities;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;
import org.xml.sax.InputSource;

/** The merged feeds stay well-formed and keep their text (less hidden bidi overrides) whatever the sources sent. */
class WritersTest {
  private static final String ATOM_NS = "http://www.w3.org/2005/Atom";
  private static final String CONTENT_NS = "http://purl.org/rss/1.0/modules/content/";
  private static final String DC_NS = "http://purl.org/dc/elements/1.1/";
  private static final String MEDIA_NS = "http://search.yahoo.com/mrss/";
  private static final Instant T = Instant.parse("2026-11-25T10:00:00Z");

  static Stream<String> hostileTexts() {
    return Stream.of(
        "plain title",
        "ends a CDATA ]]> and opens <![CDATA[ again",
        "control \u0001\u0008\u000B\u001F characters and a NUL \u0000",
        "lone surrogate \uD800 and reversed \uDC00\uD800 pair",
        "עברית right-to-left \u202Eoverride\u202C and العربية",
        "ქართული · Հայերեն · Azərbaycan · Русский",
        "emoji 🏔️🇬🇪 and astral 𝔘𝔫𝔦",
        "<b>markup</b> & entities &amp; &lt;script&gt;alert(1)&lt;/script&gt;",
        "\uFFFE\uFFFF noncharacters",
        "x".repeat(20_000));
  }

  @ParameterizedTest
  @MethodSource("hostileTexts")
  void rssIsWellFormedAndKeepsTheText(String text) throws Exception {
    Document doc = xml(RssWriter.write(feed(text)));
    Element item = (Element) doc.getElementsByTagName("item").item(0);
    assertThat(item.getElementsByTagName("title").item(0).getTextContent()).isEqualTo(XmlText.clean(StoryHtml.title(text)));
    assertThat(item.getElementsByTagName("guid").item(0).getTextContent()).startsWith("tag:tributary,2026:story:");
  }

  @ParameterizedTest
  @MethodSource("hostileTexts")
  void atomIsWellFormedAndKeepsTheText(String text) throws Exception {
    Document doc = xml(AtomWriter.write(feed(text)));
    Element entry = (Element) doc.getElementsByTagNameNS("http://www.w3.org/2005/Atom", "entry").item(0);
    assertThat(entry.getElementsByTagNameNS("http://www.w3.org/2005/Atom", "title").item(0).getTextContent())
        .isEqualTo(XmlText.clean(StoryHtml.title(text)));
    assertThat(entry.getElementsByTagNameNS("http://www.w3.org/2005/Atom", "link").getLength()).isEqualTo(3);
  }

  @ParameterizedTest
  @MethodSource("hostileTexts")
  void jsonFeedIsValidJsonAndKeepsTheText(String text) throws Exception {
    JsonNode root = new ObjectMapper().readTree(JsonFeedWriter.write(feed(text)));
    assertThat(root.path("version").asText()).isEqualTo("https://jsonfeed.org/version/1.1");
    JsonNode item = root.path("items").get(0);
    assertThat(item.path("_tributary").path("story_id").asText()).isEqualTo("story1");
    assertThat(item.path("_tributary").path("items")).hasSize(2);
    assertThat(item.path("_tributary").path("items").get(0).path("source").asText()).isEqualTo("civil-ge");
  }

  /** The hostile text in every field a publisher controls: summary, source name and link too. */
  @ParameterizedTest
  @MethodSource("hostileTexts")
  void rssCarriesTheWholeStoryInContentEncodedAndOneCreatorPerSource(String text) throws Exception {
    byte[] bytes = RssWriter.write(hostileEverywhere(text));
    Document doc = xml(bytes);
    Element item = (Element) doc.getElementsByTagName("item").item(0);
    String encoded = item.getElementsByTagNameNS(CONTENT_NS, "encoded").item(0).getTextContent();
    assertThat(encoded).contains("2 reports:", "https://jam-news.net/b");
    assertThat(htmlText(encoded)).contains(htmlText(Entities.escape(XmlText.clean(StoryHtml.title(text)))));
    assertThat(item.getElementsByTagNameNS(DC_NS, "creator").getLength()).isEqualTo(2);
    assertThat(doc.getElementsByTagNameNS(ATOM_NS, "link").item(0).getAttributes().getNamedItem("rel").getTextContent())
        .isEqualTo("self");
    // Rome's own reader sees the same modules the clients do.
    SyndFeed read = new SyndFeedInput().build(new InputSource(new ByteArrayInputStream(bytes)));
    assertThat(read.getEntries()).hasSize(1);
    assertThat(read.getEntries().get(0).getContents()).hasSize(1);
  }

  @ParameterizedTest
  @MethodSource("hostileTexts")
  void atomKeepsHostileTextInContentAndContributors(String text) throws Exception {
    Document doc = xml(AtomWriter.write(hostileEverywhere(text)));
    Element entry = (Element) doc.getElementsByTagNameNS(ATOM_NS, "entry").item(0);
    String content = entry.getElementsByTagNameNS(ATOM_NS, "content").item(0).getTextContent();
    assertThat(htmlText(content)).contains(htmlText(Entities.escape(XmlText.clean(StoryHtml.title(text)))));
    assertThat(entry.getElementsByTagNameNS(ATOM_NS, "contributor").getLength()).isEqualTo(2);
  }

  /** ETags hash the bytes: the same stored data must render to the same bytes every time. */
  @ParameterizedTest
  @MethodSource("hostileTexts")
  void sameDataGivesSameBytes(String text) {
    assertThat(RssWriter.write(hostileEverywhere(text))).isEqualTo(RssWriter.write(hostileEverywhere(text)));
    assertThat(AtomWriter.write(hostileEverywhere(text))).isEqualTo(AtomWriter.write(hostileEverywhere(text)));
  }

  /** A report's picture shows on the merged item in every format; a non-web link never does. */
  @ParameterizedTest
  @CsvSource(nullValues = "NULL", value = {
      "https://civil.ge/img/a.jpg?w=600&h=400, https://civil.ge/img/a.jpg?w=600&h=400",
      "javascript:alert(1), NULL",
      "NULL, NULL"})
  void reportPictureIsTheItemsThumbnail(String image, String shown) throws Exception {
    ReportView a = new ReportView(1, "civil-ge", "Civil.ge", "https://civil.ge/a", "t", null, null, "en", T, T, null, image);
    StoryView story = new StoryView(1, "story1", "t", "https://civil.ge/a", T, T, List.of(a));
    ChannelFeed feed = new ChannelFeed("c", "C", "d", "http://localhost:8080", T, List.of(story));
    for (byte[] xml : List.of(RssWriter.write(feed), AtomWriter.write(feed))) {
      NodeList thumbs = xml(xml).getElementsByTagNameNS(MEDIA_NS, "thumbnail");
      if (shown == null) {
        assertThat(thumbs.getLength()).isZero();
      } else {
        assertThat(thumbs.getLength()).isEqualTo(1);
        assertThat(((Element) thumbs.item(0)).getAttribute("url")).isEqualTo(shown);
      }
    }
    JsonNode item = new ObjectMapper().readTree(JsonFeedWriter.write(feed)).path("items").get(0);
    assertThat(item.has("image") ? item.path("image").asText() : null).isEqualTo(shown);
  }

  @Test
  void cdataEndInsideHtmlIsBrokenWithoutLosingText() {
    assertThat(RssWriter.cdataSafe("<a href=\"x]]>\">a ]]> b</a>")).doesNotContain("]]>").contains("]]&gt;");
  }

  @Test
  void storyContentListsEveryReportAndNoScript() {
    String html = StoryHtml.render(feed("t").shown().get(0));
    assertThat(html).contains("2 reports", "https://civil.ge/a", "https://jam-news.net/b", "Civil.ge", "JAMnews (ru)")
        .doesNotContain("<script");
  }

  @Test
  void storyIdIsStableAcrossRenders() {
    assertThat(new String(RssWriter.write(feed("a")))).contains("tag:tributary,2026:story:story1");
    assertThat(ChannelFeed.storyId(feed("b").stories().get(0))).isEqualTo(ChannelFeed.storyId(feed("c").stories().get(0)));
  }

  private static ChannelFeed feed(String text) {
    ReportView a = new ReportView(1, "civil-ge", "Civil.ge", "https://civil.ge/a", text,
        "<p>" + "summary</p><script>alert(1)</script>".replace("<script>alert(1)</script>", ""), null, "en", T, T, null);
    ReportView b = new ReportView(2, "jam-news", "JAMnews", "https://jam-news.net/b", "Другой заголовок",
        null, null, "ru", T.plusSeconds(60), T, null);
    StoryView story = new StoryView(1, "story1", text, "https://civil.ge/a", T, T.plusSeconds(60), List.of(a, b));
    return new ChannelFeed("south-caucasus", "South Caucasus " + text, "desc", "http://localhost:8080", T, List.of(story));
  }

  private static ChannelFeed hostileEverywhere(String text) {
    ReportView a = new ReportView(1, "civil-ge", "Civil.ge " + text, "https://civil.ge/a?q=]]>" + text.length(), text,
        "<p>" + Entities.escape(text) + "</p>", null, "en", T, T, null);
    ReportView b = new ReportView(2, "jam-news", "JAMnews", "https://jam-news.net/b", "Другой заголовок",
        null, null, "ru", T.plusSeconds(60), T, null);
    StoryView story = new StoryView(1, "story1", text, "https://civil.ge/a", T, T.plusSeconds(60), List.of(a, b));
    return new ChannelFeed("south-caucasus", text, text, "http://localhost:8080", T, List.of(story));
  }

  private static String htmlText(String html) {
    return Jsoup.parseBodyFragment(html).text();
  }

  private static Document xml(byte[] bytes) throws Exception {
    DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
    f.setNamespaceAware(true);
    f.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
    return f.newDocumentBuilder().parse(new ByteArrayInputStream(bytes));
  }
}
