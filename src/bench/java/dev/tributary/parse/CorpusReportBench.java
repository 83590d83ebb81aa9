package dev.tributary.parse;

import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/** Prints why corpus files were refused, grouped by reason: a tool for spotting feeds we fail to recognise. */
@Tag("bench")
class CorpusReportBench {
  /** Writes the normalized JSON of every corpus file under target/corpus-json, for cross-checks. */
  @Test
  void dumpNormalizedJson() throws Exception {
    Path feeds = TestCorpus.feeds();
    StandardFeedParser parser = new StandardFeedParser();
    Path out = Path.of("target/corpus-json");
    for (Path file : CorpusFiles.all(feeds)) {
      String name = feeds.relativize(file).toString();
      String type = name.endsWith(".json") ? "application/feed+json" : null;
      ParseResult r = parser.parse(new FeedDocument(Files.readAllBytes(file), type, null, URI.create("http://127.0.0.1/" + name)));
      if (r instanceof ParseResult.Parsed p) {
        Path target = out.resolve(name + ".out.json");
        Files.createDirectories(target.getParent());
        Files.writeString(target, TestCorpus.API_JSON.writeValueAsString(p.feed()));
      }
    }
  }

  @Test
  void printNotAFeedReasons() throws Exception {
    Path feeds = TestCorpus.feeds();
    StandardFeedParser parser = new StandardFeedParser();
    Map<String, StringBuilder> byReason = new TreeMap<>();
    for (Path file : CorpusFiles.all(feeds)) {
      String name = feeds.relativize(file).toString();
      ParseResult r = parser.parse(new FeedDocument(Files.readAllBytes(file), null, null, URI.create("http://127.0.0.1/" + name)));
      if (r instanceof ParseResult.NotAFeed n) {
        String reason = n.reason().replaceAll("line \\d+", "line N");
        reason = reason.length() > 90 ? reason.substring(0, 90) : reason;
        byReason.computeIfAbsent(reason, k -> new StringBuilder()).append("    ").append(name).append('\n');
      }
    }
    StringBuilder out = new StringBuilder();
    byReason.forEach((reason, files) -> out.append(reason).append('\n').append(files));
    Files.writeString(Path.of("target/corpus-not-a-feed.txt"), out.toString());
  }
}
