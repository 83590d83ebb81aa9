package dev.tributary.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tributary.model.Enclosure;
import dev.tributary.model.Entry;
import dev.tributary.model.Image;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** An item's picture is its first image enclosure on the web; audio, video and other schemes are not pictures. */
class EntryMapperImageTest {
  @ParameterizedTest
  @CsvSource(nullValues = "NULL", delimiter = '|', value = {
      "https://a.example/p.mp3 audio/mpeg ; https://a.example/p.jpg image/jpeg | https://a.example/p.jpg",
      "https://a.example/p.PNG IMAGE/PNG | https://a.example/p.PNG",
      "data:image/png;base64,AAAA image/png ; https://a.example/q.webp image/webp | https://a.example/q.webp",
      "https://a.example/v.mp4 video/mp4 | NULL",
      "https://a.example/x.jpg NULL | NULL"})
  void firstWebImageEnclosure(String enclosures, String expected) {
    List<Enclosure> list = Arrays.stream(enclosures.split(" ; ")).map(String::strip).map(p -> p.split(" "))
        .map(p -> new Enclosure(p[0], "NULL".equals(p[1]) ? null : p[1], null)).toList();
    Entry e = new Entry("id", "t", null, null, null, null, null, null, null, null, null, null, null, list, null, null, null);
    assertThat(EntryMapper.image(e)).isEqualTo(expected);
  }

  @ParameterizedTest
  @CsvSource(nullValues = "NULL", delimiter = '|', value = {
      "https://a.example/thumb.jpg | https://a.example/thumb.jpg",
      "javascript:alert(1)         | https://a.example/p.jpg",
      "NULL                        | https://a.example/p.jpg"})
  void theParsedPictureComesBeforeTheEnclosures(String parsed, String expected) {
    List<Enclosure> list = List.of(new Enclosure("https://a.example/p.jpg", "image/jpeg", null));
    Image image = parsed == null ? null : new Image(parsed, null, null, null, null, null);
    Entry e = new Entry("id", "t", null, null, null, null, null, null, null, null, null, null, null, list, null, null,
        null, image);
    assertThat(EntryMapper.image(e)).isEqualTo(expected);
  }
}
