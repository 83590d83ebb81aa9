package dev.tributary.parse;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Assumptions;

/** Locates the shared test data (system property {@code tributary.shared}) and the JSON mapper the API uses. */
final class SharedData {
  /** Serialized the way Quarkus REST serializes {@code /api/preview}: ISO instants, not timestamps. */
  static final ObjectMapper API_JSON = new ObjectMapper()
      .registerModule(new JavaTimeModule())
      .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS);

  private SharedData() {}

  /** The shared feeds directory, or the test is skipped when it is not there. */
  static Path feeds() {
    String shared = System.getProperty("tributary.shared");
    Assumptions.assumeTrue(shared != null, "tributary.shared not set");
    Path feeds = Path.of(shared, "testdata", "feeds");
    Assumptions.assumeTrue(Files.isDirectory(feeds), "shared test data absent: " + feeds);
    return feeds;
  }
}
