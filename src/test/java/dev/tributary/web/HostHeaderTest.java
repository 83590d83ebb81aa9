package dev.tributary.web;

import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Hosts no server should accept get a short 400 of ours, whether our filter or Vert.x itself
 * refuses them first; the body says which handler answered (the error handler would have
 * answered with its own page and an ERROR line with a stack trace in the log).
 */
@QuarkusTest
class HostHeaderTest {
  @TestHTTPResource("/")
  URL base;

  @ParameterizedTest
  @ValueSource(strings = {"[::1", "a b", "localhost:99999", "%zz", "[fe80::1%eth0]", "bad_host!", ""})
  void malformedHostsAreRefusedQuietly(String host) throws IOException {
    String answer = raw("GET /feeds.opml HTTP/1.1\r\nHost: " + host + "\r\nConnection: close\r\n\r\n");
    assertThat(answer).startsWith("HTTP/1.1 400").endsWith("\r\n\r\nbad Host header\n");
  }

  @ParameterizedTest
  @ValueSource(strings = {"GET /feeds.opml HTTP/1.1\r\nConnection: close\r\n\r\n",
      "GET /feeds.opml HTTP/1.1\r\nHost: a\r\nHost: b\r\nConnection: close\r\n\r\n"})
  void missingOrRepeatedHostIsRefused(String request) throws IOException {
    assertThat(raw(request)).startsWith("HTTP/1.1 400");
  }

  @ParameterizedTest
  @ValueSource(strings = {"localhost", "127.0.0.1:8080", "[::1]:8080", "news.example.org"})
  void wellFormedHostsAreServed(String host) throws IOException {
    assertThat(raw("GET /feeds.opml HTTP/1.1\r\nHost: " + host + "\r\nConnection: close\r\n\r\n"))
        .startsWith("HTTP/1.1 200");
  }

  private String raw(String request) throws IOException {
    try (Socket s = new Socket(base.getHost(), base.getPort())) {
      s.setSoTimeout(10_000);
      OutputStream out = s.getOutputStream();
      out.write(request.getBytes(StandardCharsets.ISO_8859_1));
      out.flush();
      InputStream in = s.getInputStream();
      return new String(in.readAllBytes(), StandardCharsets.ISO_8859_1);
    }
  }
}
