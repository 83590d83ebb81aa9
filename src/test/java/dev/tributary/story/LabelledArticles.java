package dev.tributary.story;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.tributary.ingest.AsIngested;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * Reads the shared labelled story data (never copied into the repository), each report as ingestion
 * hands it to the engine ({@link AsIngested}): an untitled one with the title cut from its text.
 */
final class LabelledArticles {

  record Article(StoryCandidate candidate, String story) {}

  record Pair(String language, boolean sameStory, StoryCandidate a, StoryCandidate b) {}

  private static final ObjectMapper JSON = new ObjectMapper();

  private LabelledArticles() {}

  static Optional<Path> shared(String file) {
    String root = System.getProperty("tributary.shared");
    if (root == null) {
      return Optional.empty();
    }
    Path p = Path.of(root, "testdata", "stories", file);
    return Files.isReadable(p) ? Optional.of(p) : Optional.empty();
  }

  /** Articles in publication order; undated ones are taken as published with the one before. */
  static List<Article> articles(Path file) throws IOException {
    List<Article> out = new ArrayList<>();
    for (String line : Files.readAllLines(file)) {
      if (line.isBlank()) continue;
      JsonNode n = JSON.readTree(line);
      String published = n.path("published").asText("");
      // ids are numbers in some files and hashes in others: the line's place serves where no number is given
      long id = n.get("id").canConvertToLong() ? n.get("id").asLong() : out.size() + 1;
      out.add(
          new Article(
              AsIngested.candidate(
                  id,
                  n.path("outlet").asText(),
                  n.path("url").asText(),
                  n.path("title").asText(""),
                  n.path("text").asText(""),
                  n.path("language").asText(""),
                  published.isEmpty() ? null : Instant.parse(published),
                  null),
              n.get("story").asText()));
    }
    out.sort(Comparator.comparing(a -> a.candidate().published(), Comparator.nullsFirst(Comparator.naturalOrder())));
    return out;
  }

  static List<Pair> pairs(Path file) throws IOException {
    List<Pair> out = new ArrayList<>();
    long id = 1;
    Instant t = Instant.parse("2020-01-01T12:00:00Z");
    for (String line : Files.readAllLines(file)) {
      if (line.isBlank()) continue;
      JsonNode n = JSON.readTree(line);
      String lang = n.path("language").asText("");
      out.add(
          new Pair(lang, n.path("same_story").asBoolean(), side(n.get("a"), id++, "source-a", lang, t),
              side(n.get("b"), id++, "source-b", lang, t.plusSeconds(3600))));
    }
    return out;
  }

  // as served, the pairs carry no dates: the sides are placed in time for the engine's order, not dated
  // a side may declare its own language (a de-en pair's two sides)
  // some pair files carry a side's link in "title" and its headline in "url": put them back
  private static StoryCandidate side(JsonNode n, long id, String source, String lang, Instant t) {
    String url = n.path("url").asText(), title = n.path("title").asText("");
    if (!url.startsWith("http") && title.startsWith("http")) {
      String swap = url;
      url = title;
      title = swap;
    }
    return AsIngested.candidate(id, source, url, title, n.path("text").asText(""), n.path("language").asText(lang), null, t);
  }
}
