package dev.tributary.parse;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import org.junit.jupiter.api.Test;

/**
 * A thread reuses its strict parser from feed to feed (and makes a new one now and then): every
 * parse still refuses a DTD, and a document the strict parser gave up on leaves nothing behind
 * for the next one.
 */
class XmlTreeBuilderReuseTest {
  private static final URI BASE = URI.create("https://example.org/feed");

  private static String feed(int n) {
    return "<?xml version=\"1.0\"?><rss version=\"2.0\" xmlns:dc=\"http://purl.org/dc/elements/1.1/\"><channel>"
        + "<title>Feed " + n + "</title><item><title>Item " + n + "</title><dc:creator>Writer</dc:creator></item>"
        + "</channel></rss>";
  }

  private static final String ENTITY = "<?xml version=\"1.0\"?><!DOCTYPE rss [<!ENTITY name \"expanded\">]>"
      + "<rss version=\"2.0\"><channel><title>&name;</title></channel></rss>";

  private static final String BROKEN = "<rss version=\"2.0\"><channel><title>cut off";

  @Test
  void everyParseOfAThreadIsHardenedAndStartsClean() {
    for (int n = 0; n < 450; n++) {
      XmlTreeBuilder.Result ok = XmlTreeBuilder.build(feed(n), BASE);
      assertThat(ok.problem()).as("parse %d", n).isNull();
      XElement channel = ok.root().elements().get(0);
      assertThat(channel.elements().get(0).text()).isEqualTo("Feed " + n);
      assertThat(channel.elements().get(1).elements().get(1).ns).isEqualTo(Namespaces.DC);
      if (n % 7 == 0) {
        XmlTreeBuilder.Result refused = XmlTreeBuilder.build(ENTITY, BASE);
        assertThat(refused.problem()).as("parse %d", n).contains("DOCTYPE");
        assertThat(refused.root().text()).doesNotContain("expanded");
      }
      if (n % 11 == 0) {
        assertThat(XmlTreeBuilder.build(BROKEN, BASE).problem()).as("parse %d", n).startsWith("not well-formed");
      }
    }
  }
}
