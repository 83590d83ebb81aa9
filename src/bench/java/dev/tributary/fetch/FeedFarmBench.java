package dev.tributary.fetch;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * Feed-farm benchmark: starts {@link FeedFarmClient} in a JVM of its own (heap capped like a
 * production service, default -Xmx256m) which starts the {@link FarmServer} process and polls it.
 * Prints figures, asserts nothing on time.
 *
 * <p>{@code ./mvnw -B test -Pbench -Dtest=FeedFarmBench -Dbench.feeds=10000 -Dbench.threads=48}
 */
@Tag("bench")
class FeedFarmBench {

  @Test
  void farm() throws Exception {
    List<String> cmd = new ArrayList<>(List.of(
        Path.of(System.getProperty("java.home"), "bin", "java").toString(),
        "-Xmx" + System.getProperty("bench.xmx", "256m")));
    for (String p : List.of("bench.feeds", "bench.threads", "bench.cycles", "bench.parse")) {
      if (System.getProperty(p) != null) cmd.add("-D" + p + "=" + System.getProperty(p));
    }
    cmd.addAll(List.of("-cp", System.getProperty("java.class.path"), FeedFarmClient.class.getName()));
    Process client = new ProcessBuilder(cmd).redirectErrorStream(true).start();
    // echo through System.out: surefire owns the fork's native stdout
    try (BufferedReader out = new BufferedReader(new InputStreamReader(client.getInputStream(), StandardCharsets.UTF_8))) {
      for (String line; (line = out.readLine()) != null; ) System.out.println(line);
    }
    int exit = client.waitFor();
    if (exit != 0) throw new IllegalStateException("feed farm client exited with " + exit);
  }
}
