package dev.tributary.sanitize;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Random;
import org.junit.jupiter.api.Test;

/** Truncation, which every column width (store.Columns) and excerpt relies on, and plain text's whitespace. */
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

  @Test
  void plainTextCollapsesWhitespaceAsTheRegularExpressionDid() {
    String[] parts = {" ", "  ", "\t", "\n", "\r\n", "\u000B", "\f", "\u00A0", "\u2003", "word", "x", "é", "-"};
    Random random = new Random(7);
    for (int round = 0; round < 5_000; round++) {
      StringBuilder text = new StringBuilder();
      for (int k = random.nextInt(12); k > 0; k--) {
        text.append(parts[random.nextInt(parts.length)]);
      }
      String html = text.toString();
      String expected = html.isBlank() ? "" : html.strip().replaceAll("\\s+", " ");
      assertThat(HtmlText.of(html)).as("[%s]", html).isEqualTo(expected);
    }
    String same = "one two three";
    assertThat(HtmlText.collapse(same)).isSameAs(same);
  }
}
