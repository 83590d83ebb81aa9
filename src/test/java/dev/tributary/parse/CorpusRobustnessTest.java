package dev.tributary.parse;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.junit.jupiter.api.Test;

/**
 * Every corpus file and hostile input parses or is refused as not a feed, without an exception.
 * The time cap only tells a hang from a result: it is far above any parse (tens of milliseconds),
 * so a busy machine cannot fail it, and no test here measures speed (benches do).
 */
class CorpusRobustnessTest {
  private static final long HANG_MILLIS = 60_000;

  private final StandardFeedParser parser = new StandardFeedParser();

  @Test
  void everyCorpusFileParsesOrFailsCleanly() throws Exception {
    Path feeds = TestCorpus.feeds();
    List<Path> files = CorpusFiles.all(feeds);
    assertThat(files).isNotEmpty();
    List<String> problems = new ArrayList<>();
    int parsed = 0;
    int notAFeed = 0;
    ExecutorService executor = Executors.newSingleThreadExecutor(r -> {
      Thread t = new Thread(r, "corpus-parse");
      t.setDaemon(true);
      return t;
    });
    try {
      for (Path file : files) {
        byte[] body = Files.readAllBytes(file);
        String name = feeds.relativize(file).toString();
        String contentType = name.endsWith(".json") ? "application/feed+json" : null;
        Future<ParseResult> future = executor.submit(
            () -> parser.parse(new FeedDocument(body, contentType, null, URI.create("http://127.0.0.1/" + name))));
        try {
          ParseResult result = future.get(HANG_MILLIS, TimeUnit.MILLISECONDS);
          if (result instanceof ParseResult.Parsed) {
            parsed++;
          } else {
            notAFeed++;
          }
        } catch (TimeoutException e) {
          future.cancel(true);
          problems.add(name + ": no result after " + HANG_MILLIS + " ms (a hang)");
          executor.shutdownNow();
          executor = Executors.newSingleThreadExecutor();
        } catch (ExecutionException e) {
          problems.add(name + ": " + e.getCause());
        }
      }
    } finally {
      executor.shutdownNow();
    }
    System.out.printf("Corpus robustness: %d files, %d parsed, %d not a feed%n", files.size(), parsed, notAFeed);
    assertThat(problems).isEmpty();
  }

  @Test
  void hostileInputsAreBounded() throws IOException {
    List<byte[]> inputs = List.of(
        new byte[0],
        "garbage \u0000\u0001 not xml".getBytes(),
        "<html><body><p>Just a page</p></body></html>".getBytes(),
        ("<rss>" + "<a>".repeat(100_000) + "</rss>").getBytes(),
        ("<rss version=\"2.0\"><channel><title>" + "&amp;".repeat(200_000) + "</title></channel></rss>").getBytes(),
        "{\"version\":\"https://jsonfeed.org/version/1.1\",\"items\":[[[[[[[[[[[[]]]]]]]]]]]]}".getBytes(),
        ("[".repeat(5000) + "]".repeat(5000)).getBytes());
    for (byte[] input : inputs) {
      String start = new String(input, 0, Math.min(40, input.length));
      ParseResult result = assertTimeoutPreemptively(Duration.ofMillis(HANG_MILLIS),
          () -> parser.parse(new FeedDocument(input, null, null, URI.create("http://example.org/"))), start);
      assertThat(result).as(start).isInstanceOfAny(ParseResult.Parsed.class, ParseResult.NotAFeed.class);
    }
  }
}
