package dev.tributary.parse;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.junit.jupiter.api.Test;

/** Every other corpus file parses or is refused as not a feed, within 2 s each. */
class CorpusRobustnessTest {
  private static final long BUDGET_MILLIS = 2000;

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
          ParseResult result = future.get(BUDGET_MILLIS, TimeUnit.MILLISECONDS);
          if (result instanceof ParseResult.Parsed) {
            parsed++;
          } else {
            notAFeed++;
          }
        } catch (TimeoutException e) {
          future.cancel(true);
          problems.add(name + ": took longer than " + BUDGET_MILLIS + " ms");
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
      // best of two runs: the budget is about hangs and blow-ups, not JIT warm-up or GC pauses
      long best = Long.MAX_VALUE;
      for (int run = 0; run < 2; run++) {
        long start = System.nanoTime();
        ParseResult result = parser.parse(new FeedDocument(input, null, null, URI.create("http://example.org/")));
        assertThat(result).isNotNull();
        best = Math.min(best, (System.nanoTime() - start) / 1_000_000);
      }
      assertThat(best).as("ms for input starting %s", new String(input, 0, Math.min(40, input.length)))
          .isLessThan(BUDGET_MILLIS);
    }
  }
}
