package dev.tributary.fetch;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.BufferedReader;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.SplittableRandom;
import java.util.concurrent.Executors;
import java.util.zip.GZIPOutputStream;

/**
 * The feed farm, run as its own process by {@link FeedFarmBench} so that the benchmark's CPU and
 * RSS figures are the fetcher's alone. Serves /feed/{i}; feed i is at version
 * {@code cycle} if {@code i % 10 == cycle % 10} and unchanged otherwise, so each cycle after the
 * first changes 10 % of the feeds. Prints its port, then reads "cycle N" lines from stdin.
 */
public final class FarmServer {
  private static volatile int cycle;

  public static void main(String[] args) throws Exception {
    byte[] plain = feedBody();
    byte[] gzipped = gzip(plain);
    HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 1024);
    server.setExecutor(Executors.newFixedThreadPool(16));
    server.createContext("/feed/", exchange -> serve(exchange, plain, gzipped));
    server.start();
    System.out.println("port " + server.getAddress().getPort());
    System.out.flush();
    BufferedReader in = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
    for (String line; (line = in.readLine()) != null; ) {
      if (line.startsWith("cycle ")) cycle = Integer.parseInt(line.substring(6).trim());
    }
    server.stop(0);
    System.exit(0);
  }

  private static void serve(HttpExchange ex, byte[] plain, byte[] gzipped) throws IOException {
    try (ex) {
      int i = Integer.parseInt(ex.getRequestURI().getPath().substring("/feed/".length()));
      int c = cycle;
      int version = i % 10 == c % 10 ? c : c - 1 - Math.floorMod(c - 1 - i, 10);
      String etag = "\"" + i + "-" + Math.max(version, 0) + "\"";
      ex.getResponseHeaders().set("ETag", etag);
      if (etag.equals(ex.getRequestHeaders().getFirst("If-None-Match"))) {
        ex.sendResponseHeaders(304, -1);
        return;
      }
      String ae = ex.getRequestHeaders().getFirst("Accept-Encoding");
      boolean gz = ae != null && ae.contains("gzip");
      byte[] body = gz ? gzipped : plain;
      ex.getResponseHeaders().set("Content-Type", "application/rss+xml; charset=utf-8");
      if (gz) ex.getResponseHeaders().set("Content-Encoding", "gzip");
      ex.sendResponseHeaders(200, body.length);
      try (OutputStream out = ex.getResponseBody()) {
        out.write(body);
      }
    } catch (RuntimeException e) {
      ex.sendResponseHeaders(400, -1);
    }
  }

  /** A typical news feed: 30 items with a paragraph of varied words each, about 30 KB (8 KB gzipped). */
  private static byte[] feedBody() {
    SplittableRandom random = new SplittableRandom(7);
    String[] words = ("government minister election parliament border talks economy energy pipeline protest court "
        + "opposition reform region capital agreement president coalition budget inflation harvest festival "
        + "journalist statement ministry visit summit security trade tariff bridge railway airport")
        .split(" ");
    StringBuilder sb = new StringBuilder("<?xml version=\"1.0\" encoding=\"UTF-8\"?><rss version=\"2.0\"><channel>"
        + "<title>Farm feed</title><link>https://farm.test/</link><description>bench</description>");
    for (int k = 0; k < 30; k++) {
      sb.append("<item><title>Story ").append(random.nextInt(1_000_000)).append(' ')
          .append(words[random.nextInt(words.length)]).append(' ').append(words[random.nextInt(words.length)])
          .append("</title><link>https://farm.test/story/").append(random.nextInt(1_000_000))
          .append("</link><guid>urn:farm:").append(random.nextLong()).append("</guid><pubDate>Sun, 01 Mar 2026 09:")
          .append(10 + k).append(":00 GMT</pubDate><description>");
      for (int w = 0; w < 120; w++) {
        sb.append(words[random.nextInt(words.length)]).append(random.nextInt(100)).append(' ');
      }
      sb.append("</description></item>");
    }
    return sb.append("</channel></rss>").toString().getBytes(StandardCharsets.UTF_8);
  }

  private static byte[] gzip(byte[] data) throws IOException {
    ByteArrayOutputStream bos = new ByteArrayOutputStream();
    try (GZIPOutputStream gz = new GZIPOutputStream(bos)) {
      gz.write(data);
    }
    return bos.toByteArray();
  }
}
