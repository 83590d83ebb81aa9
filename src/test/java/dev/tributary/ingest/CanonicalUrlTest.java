package dev.tributary.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tributary.store.Hashes;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class CanonicalUrlTest {
  @Test
  void theStoryEngineGetsTheArticlesIdentityWithItsFragmentApart() {
    assertThat(StoryIndexLoader.linkIdentity("https://herald.example/a?utm_source=rss"))
        .isEqualTo(StoryIndexLoader.linkIdentity("http://HERALD.example:80/a"))
        .isEqualTo("herald.example/a");
    assertThat(StoryIndexLoader.linkIdentity("http://herald.example/live#a2")).isEqualTo("herald.example/live#a2");
    assertThat(StoryIndexLoader.linkIdentity("mailto:desk@herald.example")).isNull();
  }

  @ParameterizedTest
  @CsvSource(delimiter = '|', textBlock = """
      HTTPS://Civil.GE/archives/123                              | https://civil.ge/archives/123
      https://civil.ge:443/archives/123                          | https://civil.ge/archives/123
      http://civil.ge:80/a                                       | http://civil.ge/a
      http://civil.ge:8080/a                                     | http://civil.ge:8080/a
      https://civil.ge/a#comments                                | https://civil.ge/a
      https://civil.ge/a?utm_source=rss&utm_medium=feed&id=7     | https://civil.ge/a?id=7
      https://civil.ge/a?fbclid=xyz                              | https://civil.ge/a
      https://civil.ge/a?p=1&gclid=abc&UTM_Campaign=z&q=2        | https://civil.ge/a?p=1&q=2
      https://civil.ge                                           | https://civil.ge/
      https://civil.ge./a                                        | https://civil.ge/a
      https://news.am/eng/news/1.html?Path=Keep                  | https://news.am/eng/news/1.html?Path=Keep
      """)
  void canonicalizes(String in, String expected) {
    assertThat(CanonicalUrl.of(in)).contains(expected);
  }

  @ParameterizedTest
  @ValueSource(strings = {"", "  ", "/relative/path", "mailto:editor@civil.ge", "javascript:alert(1)", "http://"})
  void refusesWhatIsNotAnAbsoluteWebUrl(String in) {
    assertThat(CanonicalUrl.of(in)).isEmpty();
  }

  @Test
  void identityIgnoresTheScheme() {
    assertThat(CanonicalUrl.identityKey("http://Civil.ge:80/a?utm_source=x#c"))
        .isEqualTo(CanonicalUrl.identityKey("https://civil.ge/a")).contains("civil.ge/a");
  }

  @Test
  void publicIdsAreStableTokens() {
    assertThat(Hashes.token("civil-ge", "guid-1")).hasSize(26).matches("[a-z2-7]+")
        .isEqualTo(Hashes.token("civil-ge", "guid-1")).isNotEqualTo(Hashes.token("civil-ge", "guid-2"));
    assertThat(Hashes.token("a", "bc")).isNotEqualTo(Hashes.token("ab", "c"));
  }

  /** Fragments usually point into a page, but a page carrying several items names each by one. */
  @ParameterizedTest
  @CsvSource(delimiter = '|', textBlock = """
      https://herald.example/a              | http://HERALD.example:80/a#top       | true
      https://herald.example/a#top          | https://herald.example/a#top         | true
      http://scripting.com/2026/12/05.html#a1 | http://scripting.com/2026/12/05.html#a2 | false
      http://scripting.com/2026/12/05.html  | http://scripting.com/2026/12/05.html#a2 | true
      https://herald.example/a              | https://herald.example/b             | false
      javascript:alert(1)                   | javascript:alert(1)                  | false
      """)
  void sameArticleLetsFragmentsTellItemsApart(String a, String b, boolean same) {
    assertThat(CanonicalUrl.sameArticle(a, b)).isEqualTo(same);
    assertThat(CanonicalUrl.sameArticle(b, a)).isEqualTo(same);
  }
}
