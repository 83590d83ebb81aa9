package dev.tributary.web;

import static dev.tributary.publish.ContentCoding.BROTLI;
import static dev.tributary.publish.ContentCoding.GZIP;
import static dev.tributary.publish.ContentCoding.IDENTITY;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class AcceptEncodingTest {
  @Test
  void prefersBrotliThenGzip() {
    assertThat(AcceptEncoding.choose("gzip, deflate, br", true)).isEqualTo(BROTLI);
    assertThat(AcceptEncoding.choose("gzip, deflate, br", false)).isEqualTo(GZIP);
    assertThat(AcceptEncoding.choose("gzip", true)).isEqualTo(GZIP);
    assertThat(AcceptEncoding.choose("x-gzip", true)).isEqualTo(GZIP);
    assertThat(AcceptEncoding.choose("GZIP", true)).isEqualTo(GZIP);
    assertThat(AcceptEncoding.choose("br;q=0.5, gzip;q=0.9", true)).isEqualTo(GZIP);
  }

  @Test
  void weightsOfZeroRefuse() {
    assertThat(AcceptEncoding.choose("gzip;q=0", true)).isEqualTo(IDENTITY);
    assertThat(AcceptEncoding.choose("br;q=0, gzip", true)).isEqualTo(GZIP);
    assertThat(AcceptEncoding.choose("gzip; q=0.000", true)).isEqualTo(IDENTITY);
    assertThat(AcceptEncoding.choose("gzip;q=nonsense", true)).isEqualTo(IDENTITY);
  }

  @Test
  void wildcardAndNothing() {
    assertThat(AcceptEncoding.choose("*", false)).isEqualTo(GZIP);
    assertThat(AcceptEncoding.choose("*, gzip;q=0", false)).isEqualTo(IDENTITY);
    assertThat(AcceptEncoding.choose(null, true)).isEqualTo(IDENTITY);
    assertThat(AcceptEncoding.choose("", true)).isEqualTo(IDENTITY);
    assertThat(AcceptEncoding.choose("identity", true)).isEqualTo(IDENTITY);
    assertThat(AcceptEncoding.choose("deflate", true)).isEqualTo(IDENTITY);
    assertThat(AcceptEncoding.choose(" , ;", true)).isEqualTo(IDENTITY);
  }
}
