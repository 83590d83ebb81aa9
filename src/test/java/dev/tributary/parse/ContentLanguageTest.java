package dev.tributary.parse;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tributary.model.NormalizedFeed;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

/** HTTP Content-Language is the document's default language; the feed's own declarations win. */
class ContentLanguageTest {
  private static final URI URL = URI.create("https://news.example.ge/feed/");
  private final StandardFeedParser parser = new StandardFeedParser();

  private NormalizedFeed parsed(String body, String contentType, String contentLanguage) {
    ParseResult result = parser.parse(new FeedDocument(body.getBytes(StandardCharsets.UTF_8), contentType, null, URL, contentLanguage));
    return ((ParseResult.Parsed) result).feed();
  }

  @Test
  void usedForTheFeedAndItsEntriesWhenTheFeedDeclaresNone() {
    NormalizedFeed feed = parsed("<rss version=\"2.0\"><channel><title>t</title><item><title>i</title></item></channel></rss>",
        "application/rss+xml", "ka");
    assertThat(feed.feed().language()).isEqualTo("ka");
    assertThat(feed.entries().get(0).language()).isEqualTo("ka");
  }

  @Test
  void theFeedsOwnLanguageWins() {
    NormalizedFeed rss = parsed("<rss version=\"2.0\"><channel><language>ru</language><item><title>i</title></item></channel></rss>",
        "application/rss+xml", "en");
    assertThat(rss.feed().language()).isEqualTo("ru");
    NormalizedFeed atom = parsed("<feed xmlns=\"http://www.w3.org/2005/Atom\"><title>t</title>"
        + "<entry xml:lang=\"hy\"><title>i</title></entry></feed>", "application/atom+xml", "en");
    assertThat(atom.feed().language()).isEqualTo("en");
    assertThat(atom.entries().get(0).language()).isEqualTo("hy");
  }

  @Test
  void jsonFeedsToo() {
    NormalizedFeed feed = parsed("{\"version\":\"https://jsonfeed.org/version/1.1\",\"title\":\"t\",\"items\":[]}",
        "application/feed+json", "de-AT");
    assertThat(feed.feed().language()).isEqualTo("de-AT");
  }

  @ParameterizedTest
  @CsvSource(value = {"en-GB, fr|en-GB", " mi |mi", "de;q=0.5|de", "*|", "'en<script>'|", "''|", "zh_Hant|zh-Hant"}, delimiter = '|')
  void theFirstWellFormedTagOfTheHeader(String header, String expected) {
    assertThat(ContentLanguage.first(header)).isEqualTo(expected);
  }
}
