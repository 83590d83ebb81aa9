package dev.tributary.it;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.zip.GZIPOutputStream;

/** Small feed documents, good and hostile, built in code so every case shows what it serves. */
final class TestFeeds {
  private TestFeeds() {}

  /** The two titles a source's good feed carries; every case checks they survive the fault. */
  static List<String> titles(String sourceId) {
    return List.of("Ferry timetable for " + sourceId + " extended", "Bridge repairs near " + sourceId + " finished");
  }

  static byte[] good(String sourceId) {
    return rss(sourceId, titles(sourceId));
  }

  static byte[] rss(String sourceId, List<String> titles) {
    StringBuilder items = new StringBuilder();
    for (int i = 0; i < titles.size(); i++) {
      items.append("<item><title>").append(titles.get(i)).append("</title>")
          .append("<link>https://news.example/").append(sourceId).append('/').append(i).append("</link>")
          .append("<guid>").append(sourceId).append('-').append(i).append("</guid>")
          .append("<pubDate>Mon, 0").append(i + 1).append(" Jun 2026 10:00:00 GMT</pubDate></item>");
    }
    return ("<?xml version=\"1.0\" encoding=\"UTF-8\"?><rss version=\"2.0\"><channel><title>" + sourceId
        + "</title><link>https://news.example/" + sourceId + "</link><description>test</description>"
        + items + "</channel></rss>").getBytes(StandardCharsets.UTF_8);
  }

  /** Classic entity expansion: ten levels of ten, 10^9 copies of "lol" if anyone expanded them. */
  static byte[] billionLaughs() {
    StringBuilder dtd = new StringBuilder("<!DOCTYPE rss [\n<!ENTITY lol0 \"lol\">\n");
    for (int i = 1; i <= 9; i++) {
      String prev = "&lol" + (i - 1) + ";";
      dtd.append("<!ENTITY lol").append(i).append(" \"").append(prev.repeat(10)).append("\">\n");
    }
    dtd.append("]>");
    return ("<?xml version=\"1.0\"?>" + dtd + "<rss version=\"2.0\"><channel><title>laughs</title>"
        + "<item><title>&lol9;</title><guid>laughs-attack</guid></item></channel></rss>").getBytes(StandardCharsets.UTF_8);
  }

  /** An external entity pointing at a local file, used in a title and a description. */
  static byte[] xxe(String fileUri) {
    return ("<?xml version=\"1.0\"?><!DOCTYPE rss [<!ENTITY xxe SYSTEM \"" + fileUri + "\">]>"
        + "<rss version=\"2.0\"><channel><title>xxe &xxe;</title>"
        + "<item><title>Leak &xxe;</title><description>&xxe;</description><guid>xxe-attack</guid></item>"
        + "</channel></rss>").getBytes(StandardCharsets.UTF_8);
  }

  static byte[] html() {
    return ("<!DOCTYPE html><html><head><title>Welcome</title></head><body><h1>Our new website</h1>"
        + "<p>The feed has moved. Or not.</p></body></html>").getBytes(StandardCharsets.UTF_8);
  }

  /** Starts like a feed, then breaks so badly that no repair finds a root element. */
  static byte[] invalidXml() {
    return "<?xml version=\"1.0\"?><<<<>>>> <rss <channel".getBytes(StandardCharsets.UTF_8);
  }

  /** {@code size} zero bytes gzipped, streamed through the compressor (about a thousandth of the size). */
  static byte[] gzipOfZeros(long size) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try (GZIPOutputStream gz = new GZIPOutputStream(out, 65536)) {
      byte[] zeros = new byte[65536];
      for (long n = 0; n < size; n += zeros.length) gz.write(zeros);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out.toByteArray();
  }
}
