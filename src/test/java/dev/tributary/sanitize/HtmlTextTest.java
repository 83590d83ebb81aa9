package dev.tributary.sanitize;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Truncation, which every column width (store.Columns) and excerpt relies on. */
class HtmlTextTest {

  @Test
  void truncateKeepsShortTextAndNull() {
    assertThat(HtmlText.truncate("abc", 3)).isEqualTo("abc");
    assertThat(HtmlText.truncate(null, 3)).isNull();
  }

  @Test
  void truncateNeverSplitsASurrogatePair() {
    String clef = "\uD834\uDD1E"; // one code point, two chars
    assertThat(HtmlText.truncate("ab" + clef, 3)).isEqualTo("ab");
    assertThat(HtmlText.truncate("ab" + clef + "c", 4)).isEqualTo("ab" + clef);
    assertThat(HtmlText.truncate("abcd", 2)).isEqualTo("ab");
  }
}
