package dev.tributary.publish;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** Subscription lists of every common shape read to the same feeds; anything else is refused with a reason. */
class OpmlReaderTest {

  @ParameterizedTest
  @CsvSource({
      "nested-2.0.opml, 4, My subscriptions",
      "flat-1.0.opml, 3, Flat list",
      "version-1.1.opml, 3, Reader export",
      "no-version.opml, 2, "})
  void readsEveryFeedOutline(String file, int feeds, String title) throws IOException {
    OpmlReader.Result.Read read = read(fixture(file));
    assertThat(read.feeds()).hasSize(feeds);
    assertThat(read.title()).isEqualTo(title);
    assertThat(read.truncated()).isFalse();
    assertThat(read.feeds()).allSatisfy(f -> assertThat(f.xmlUrl()).isNotBlank());
  }

  @Test
  void nestedFoldersAreKeptOutermostFirst() throws IOException {
    List<OpmlOutline> feeds = read(fixture("nested-2.0.opml")).feeds();
    assertThat(feeds).extracting(OpmlOutline::title)
        .containsExactly("Civil.ge", "ინტერპრესნიუსი", "JAMnews", "Scripting News");
    assertThat(feeds.get(2).folders()).containsExactly("Georgia", "Regional press");
    assertThat(feeds.get(3).folders()).isEmpty();
    assertThat(feeds.get(0).htmlUrl()).isEqualTo("https://civil.ge/");
  }

  @Test
  void declaredEncodingIsHonoured() throws IOException {
    assertThat(read(fixture("flat-1.0.opml")).feeds()).extracting(OpmlOutline::title).contains("Café News");
  }

  @ParameterizedTest
  @ValueSource(strings = {
      "",
      "not xml at all",
      "<html><body><a href='/feed'>feed</a></body></html>",
      "<?xml version='1.0'?><!DOCTYPE opml [<!ENTITY x SYSTEM 'file:///etc/passwd'>]><opml version='2.0'><body><outline text='&x;' xmlUrl='https://a.example/f'/></body></opml>",
      "<opml version='2.0'><body><outline"})
  void anythingElseIsRefusedWithAReason(String body) {
    OpmlReader.Result result = OpmlReader.read(body.getBytes(StandardCharsets.UTF_8));
    assertThat(result).isInstanceOf(OpmlReader.Result.NotOpml.class);
    assertThat(((OpmlReader.Result.NotOpml) result).reason()).isNotBlank();
  }

  @Test
  void aHugeListIsCutAndSaysSo() {
    StringBuilder opml = new StringBuilder("<opml version='2.0'><body>");
    for (int i = 0; i < OpmlReader.MAX_FEEDS + 10; i++) {
      opml.append("<outline text='f").append(i).append("' xmlUrl='https://f").append(i).append(".example/rss'/>");
    }
    OpmlReader.Result.Read read = read(opml.append("</body></opml>").toString().getBytes(StandardCharsets.UTF_8));
    assertThat(read.feeds()).hasSize(OpmlReader.MAX_FEEDS);
    assertThat(read.truncated()).isTrue();
  }

  /** What /feeds.opml writes, the importer reads back unchanged. */
  @Test
  void writtenListReadsBack() {
    List<OpmlOutline> feeds = List.of(
        new OpmlOutline("Region & more \u0001", "http://localhost:8080/feeds/region.rss", "http://localhost:8080/channels/region", List.of()),
        new OpmlOutline("Грузия", "http://localhost:8080/feeds/georgia.rss", null, List.of()));
    OpmlReader.Result.Read read = read(OpmlWriter.write("Tributary channels", feeds));
    assertThat(read.title()).isEqualTo("Tributary channels");
    assertThat(read.feeds()).containsExactly(
        new OpmlOutline("Region & more ", "http://localhost:8080/feeds/region.rss", "http://localhost:8080/channels/region", List.of()),
        feeds.get(1));
  }

  private static OpmlReader.Result.Read read(byte[] bytes) {
    OpmlReader.Result result = OpmlReader.read(bytes);
    assertThat(result).isInstanceOf(OpmlReader.Result.Read.class);
    return (OpmlReader.Result.Read) result;
  }

  static byte[] fixture(String name) throws IOException {
    try (InputStream in = OpmlReaderTest.class.getResourceAsStream("/opml/" + name)) {
      return in.readAllBytes();
    }
  }
}
