package dev.tributary.parse;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * Seeded random mutations of corpus feeds: no exception may escape, no input may hang. Run with
 * {@code -Pbench}; {@code -Dfuzz.iterations} and {@code -Dfuzz.seed} tune it.
 */
@Tag("bench")
class ParserFuzzBench {
  private static final String[] TOKENS = {
    "<", ">", "&", "&amp;", "&nbsp;", "&#0;", "&#x110000;", "]]>", "<![CDATA[", "<!--", "-->",
    "<!DOCTYPE rss [<!ENTITY a \"&a;&a;\">]>", "<!ENTITY x SYSTEM \"file:///etc/passwd\">", "&x;",
    "xml:base=\"javascript:alert(1)\"", "<script>alert(1)</script>", "\u0000", "\uFEFF", "\uD800",
    "<?xml version=\"1.0\" encoding=\"koi8-r\"?>", "<item>", "</item>", "<entry>", "</entry>",
    "type=\"xhtml\"", "<div xmlns=\"http://www.w3.org/1999/xhtml\">", "{", "}", "[", "]", "\"", "ــ"
  };

  @Test
  void mutatedCorpusNeverThrowsOrHangs() throws Exception {
    long seed = Long.getLong("fuzz.seed", 20260311L);
    int iterations = Integer.getInteger("fuzz.iterations", 4000);
    Path feeds = TestCorpus.feeds();
    List<Path> corpus = new ArrayList<>(CorpusFiles.all(feeds));
    corpus.removeIf(p -> {
      try {
        return Files.size(p) > 200_000;
      } catch (IOException e) {
        return true;
      }
    });
    Random random = new Random(seed);
    StandardFeedParser parser = new StandardFeedParser();
    ExecutorService executor = Executors.newSingleThreadExecutor();
    List<String> failures = new ArrayList<>();
    long slowest = 0;
    try {
      for (int i = 0; i < iterations; i++) {
        Path source = corpus.get(random.nextInt(corpus.size()));
        byte[] mutated = mutate(Files.readAllBytes(source), random);
        String contentType = random.nextInt(4) == 0 ? "text/xml; charset=" + pick(random, "utf-8", "windows-1251", "bogus", "utf-16") : null;
        long start = System.nanoTime();
        Future<ParseResult> f = executor.submit(() -> parser.parse(new FeedDocument(mutated, contentType, null, URI.create("http://example.org/f"))));
        try {
          assertThat(f.get(2, TimeUnit.SECONDS)).isNotNull();
        } catch (TimeoutException e) {
          f.cancel(true);
          failures.add("hang on mutation " + i + " of " + source);
          executor.shutdownNow();
          executor = Executors.newSingleThreadExecutor();
        } catch (ExecutionException e) {
          failures.add("exception on mutation " + i + " of " + source + ": " + e.getCause());
        }
        slowest = Math.max(slowest, System.nanoTime() - start);
      }
    } finally {
      executor.shutdownNow();
    }
    System.out.printf("Fuzz: %d inputs (seed %d), slowest %d ms, %d failures%n", iterations, seed, slowest / 1_000_000, failures.size());
    assertThat(failures).isEmpty();
  }

  private static String pick(Random random, String... options) {
    return options[random.nextInt(options.length)];
  }

  private static byte[] mutate(byte[] input, Random random) {
    byte[] data = input;
    int rounds = 1 + random.nextInt(8);
    for (int r = 0; r < rounds; r++) {
      int pos = data.length == 0 ? 0 : random.nextInt(data.length);
      switch (random.nextInt(6)) {
        case 0 -> { // flip bytes
          if (data.length > 0) {
            data = data.clone();
            for (int k = 0; k < 1 + random.nextInt(16); k++) {
              data[random.nextInt(data.length)] ^= (byte) (1 << random.nextInt(8));
            }
          }
        }
        case 1 -> data = splice(data, pos, random.nextInt(Math.max(1, data.length - pos)), new byte[0]);
        case 2 -> data = splice(data, pos, 0, TOKENS[random.nextInt(TOKENS.length)].getBytes(StandardCharsets.UTF_8));
        case 3 -> { // duplicate a chunk
          int len = Math.min(data.length - pos, random.nextInt(2048));
          byte[] chunk = Arrays.copyOfRange(data, pos, pos + len);
          data = splice(data, pos, 0, chunk);
        }
        case 4 -> data = Arrays.copyOf(data, pos); // truncate
        default -> { // random bytes
          byte[] junk = new byte[1 + random.nextInt(64)];
          random.nextBytes(junk);
          data = splice(data, pos, 0, junk);
        }
      }
    }
    return data;
  }

  private static byte[] splice(byte[] data, int pos, int remove, byte[] insert) {
    int p = Math.min(pos, data.length);
    int rem = Math.min(remove, data.length - p);
    byte[] out = new byte[data.length - rem + insert.length];
    System.arraycopy(data, 0, out, 0, p);
    System.arraycopy(insert, 0, out, p, insert.length);
    System.arraycopy(data, p + rem, out, p + insert.length, data.length - p - rem);
    return out;
  }
}
