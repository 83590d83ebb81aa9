package dev.tributary.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tributary.store.Hashes;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class CanonicalUrlTest {
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
}
