package dev.tributary.parse;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.Path;

/** Locates the feed corpora on the test classpath ({@code corpus/}) and the JSON mapper the API uses. */
final class TestCorpus {
  /** Serialized the way Quarkus REST serializes {@code /api/preview}: ISO instants, not timestamps. */
  static final ObjectMapper API_JSON = new ObjectMapper()
      .registerModule(new JavaTimeModule())
      .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS);

  private TestCorpus() {}

  /** The corpus directory; a missing corpus fails the test rather than skipping it. */
  static Path feeds() {
    URL url = TestCorpus.class.getResource("/corpus/feedparser-cases.json");
    if (url == null) {
      throw new IllegalStateException("corpus/ is missing from the test classpath (src/test/resources/corpus)");
    }
    try {
      return Path.of(url.toURI()).getParent();
    } catch (URISyntaxException e) {
      throw new IllegalStateException(e);
    }
  }
}
