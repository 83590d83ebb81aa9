package dev.tributary.fetch;

import com.sun.management.OperatingSystemMXBean;
import dev.tributary.config.DefaultSettings;
import dev.tributary.parse.FeedDocument;
import dev.tributary.parse.ParseResult;
import dev.tributary.parse.StandardFeedParser;
import dev.tributary.poll.PollPool;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.net.InetAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicLongArray;

/**
 * The fetching side of {@link FeedFarmBench}, on the production poll pool and fetcher, in its own JVM so its heap cap and RSS are its own. Feed farm: N feeds (feedN.farm.test, all on loopback through the resolver seam) served by a
 * separate process; polls them all once unconditionally, then in conditional cycles where 10 % of
 * the feeds changed. Prints throughput, client CPU per 200 and per 304, and peak RSS. Asserts
 * nothing on time.
 */
public final class FeedFarmClient {
  private static final StandardFeedParser PARSER = new StandardFeedParser();
  enum Kind { FETCHED, NOT_MODIFIED, FAILED }

  static final boolean PARSE = Boolean.parseBoolean(System.getProperty("bench.parse", "true"));

  public static void main(String[] args) throws Exception {
    int feeds = Integer.getInteger("bench.feeds", 10_000);
    int threads = Integer.getInteger("bench.threads", 48);
    int cycles = Integer.getInteger("bench.cycles", 3);

    Process farm = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
        "-Xmx256m", "-cp", System.getProperty("java.class.path"), FarmServer.class.getName())
        .redirectError(ProcessBuilder.Redirect.DISCARD).start();
    try (BufferedReader out = new BufferedReader(new InputStreamReader(farm.getInputStream(), StandardCharsets.UTF_8));
        Writer control = new OutputStreamWriter(farm.getOutputStream(), StandardCharsets.UTF_8)) {
      int port = Integer.parseInt(out.readLine().substring("port ".length()));
      InetAddress loopback = InetAddress.getLoopbackAddress();
      InstantSource clock = Clock.systemUTC();
      FetchSettings settings = DefaultSettings.fetch().withAllowPrivateNetworks(true).withMaxConnections(threads);
      try (HttpFeedFetcher fetcher = new HttpFeedFetcher(settings, clock, host -> new InetAddress[] {loopback},
              AddressGuard.allowAll(), HostLimiter.forSettings(settings, clock, Sleeper.real(clock)));
          PollPool pool = new PollPool(threads, feeds + 1)) {
        MeasuringFetcher m = new MeasuringFetcher(fetcher);
        String[] etags = new String[feeds];
        System.out.printf("feed farm: %d feeds, %d fetch threads, %d cycles%n", feeds, threads, cycles);
        for (int c = 0; c < cycles; c++) {
          control.write("cycle " + c + "\n");
          control.flush();
          runCycle(c, feeds, port, pool, m, etags);
        }
      }
    } finally {
      farm.destroy();
    }
    System.out.printf("peak RSS (VmHWM) of the fetching JVM: %s%n", vmHwm());
  }

  /** Counts outcomes and the fetching thread's CPU per outcome. */
  static final class MeasuringFetcher implements FeedFetcher {
    final FeedFetcher delegate;
    final ThreadMXBean mx = ManagementFactory.getThreadMXBean();
    final Map<Kind, AtomicLong> count = new EnumMap<>(Kind.class);
    final Map<Kind, AtomicLong> cpu = new EnumMap<>(Kind.class);
    final AtomicLong parseCpu = new AtomicLong();
    final AtomicLongArray failures = new AtomicLongArray(FailureKind.values().length);

    MeasuringFetcher(FeedFetcher delegate) {
      this.delegate = delegate;
      reset();
    }

    void reset() {
      for (Kind k : Kind.values()) {
        count.put(k, new AtomicLong());
        cpu.put(k, new AtomicLong());
      }
      for (int i = 0; i < failures.length(); i++) failures.set(i, 0);
      parseCpu.set(0);
    }

    @Override
    public FetchResult fetch(FetchRequest request) {
      long c0 = mx.getCurrentThreadCpuTime();
      FetchResult r = delegate.fetch(request);
      long used = mx.getCurrentThreadCpuTime() - c0;
      Kind k = r instanceof FetchResult.Fetched ? Kind.FETCHED
          : r instanceof FetchResult.NotModified ? Kind.NOT_MODIFIED : Kind.FAILED;
      if (r instanceof FetchResult.Failed f) failures.incrementAndGet(f.kind().ordinal());
      if (r instanceof FetchResult.Fetched f && PARSE) {
        // what the poller does next with a changed feed; a 304 stops before this
        var parsed = PARSER.parse(new FeedDocument(f.body(), f.contentType(), null, f.finalUrl()));
        if (!(parsed instanceof ParseResult.Parsed)) {
          throw new IllegalStateException("farm feed did not parse: " + parsed);
        }
        parseCpu.addAndGet(mx.getCurrentThreadCpuTime() - c0 - used);
      }
      count.get(k).incrementAndGet();
      cpu.get(k).addAndGet(used);
      return r;
    }
  }

  private static void runCycle(int cycle, int feeds, int port, PollPool pool, MeasuringFetcher m, String[] etags) {
    m.reset();
    List<CompletableFuture<String>> all = new ArrayList<>(feeds);
    long processCpu0 = processCpuNanos();
    long t0 = System.nanoTime();
    for (int i = 0; i < feeds; i++) {
      URI url = URI.create("http://feed" + i + ".farm.test:" + port + "/feed/" + i);
      String previous = etags[i];
      // keep the validator, drop the body: a poller holds no body past parsing
      FetchRequest request = new FetchRequest(url, previous, null);
      all.add(pool.submit(() -> m.fetch(request), () -> new FetchResult.Failed(FailureKind.DEFERRED, null,
              "poll queue full", null, CacheHints.NONE))
          .thenApply(r -> r instanceof FetchResult.Fetched f ? f.etag() : previous));
    }
    for (int i = 0; i < feeds; i++) etags[i] = all.get(i).join();
    double secs = (System.nanoTime() - t0) / 1e9;
    long processCpu = processCpuNanos() - processCpu0;
    System.out.printf("cycle %d: %d feeds in %.2f s = %.0f feeds/min; 200: %d, 304: %d, failed: %d%n",
        cycle, feeds, secs, feeds / secs * 60, m.count.get(Kind.FETCHED).get(), m.count.get(Kind.NOT_MODIFIED).get(),
        m.count.get(Kind.FAILED).get());
    for (Kind k : Kind.values()) {
      long n = m.count.get(k).get();
      if (n > 0) System.out.printf("  %-13s CPU per fetch on the fetch thread: %.0f µs%n", k, m.cpu.get(k).get() / 1e3 / n);
    }
    long fetched = m.count.get(Kind.FETCHED).get();
    if (PARSE && fetched > 0) {
      double perParse = m.parseCpu.get() / 1e3 / fetched;
      double per200 = m.cpu.get(Kind.FETCHED).get() / 1e3 / fetched;
      long nm = m.count.get(Kind.NOT_MODIFIED).get();
      System.out.printf("  200 + Rome parse (changed-feed path): %.0f µs (parse alone %.0f µs)%s%n", per200 + perParse, perParse,
          nm > 0 ? String.format(" = %.1f× a 304", (per200 + perParse) / (m.cpu.get(Kind.NOT_MODIFIED).get() / 1e3 / nm)) : "");
    }
    System.out.printf("  process CPU for the cycle: %.2f s (%.0f µs per feed, all threads incl. GC)%n",
        processCpu / 1e9, processCpu / 1e3 / feeds);
    for (FailureKind fk : FailureKind.values()) {
      if (m.failures.get(fk.ordinal()) > 0) System.out.printf("  failures %s: %d%n", fk, m.failures.get(fk.ordinal()));
    }
  }

  private static long processCpuNanos() {
    var os = ManagementFactory.getOperatingSystemMXBean();
    return os instanceof OperatingSystemMXBean sun ? sun.getProcessCpuTime() : -1;
  }

  private static String vmHwm() throws IOException {
    for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
      if (line.startsWith("VmHWM:")) return line.substring(6).trim();
    }
    return "n/a";
  }
}
