package dev.tributary.parse;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/** The corpora besides the conformance cases: W3C validator, gofeed, Rome, JSON Feed branch. */
final class CorpusFiles {
  static final List<String> CORPORA = List.of("feedvalidator", "gofeed", "rome", "feedparser-jsonfeed-branch");

  private CorpusFiles() {}

  static List<Path> all(Path feeds) {
    return CORPORA.stream().flatMap(c -> walk(feeds.resolve(c))).sorted().toList();
  }

  private static Stream<Path> walk(Path dir) {
    if (!Files.isDirectory(dir)) {
      throw new IllegalStateException("corpus directory missing: " + dir);
    }
    try (Stream<Path> s = Files.walk(dir)) {
      return s.filter(Files::isRegularFile).toList().stream();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
