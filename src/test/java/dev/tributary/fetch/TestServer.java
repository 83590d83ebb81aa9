package dev.tributary.fetch;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

/** A tiny HTTP/1.1 server on loopback, one request per connection, with hooks for misbehaving. */
final class TestServer implements AutoCloseable {

  record Request(String method, String target, Map<String, String> headers) {
    String header(String name) {
      return headers.get(name.toLowerCase(Locale.ROOT));
    }
  }

  @FunctionalInterface
  interface Handler {
    void handle(Request request, OutputStream out, Socket socket) throws Exception;
  }

  private final ServerSocket server;
  private final ExecutorService threads = Executors.newCachedThreadPool(r -> {
    Thread t = new Thread(r, "test-server");
    t.setDaemon(true);
    return t;
  });
  final List<Request> seen = new CopyOnWriteArrayList<>();
  final AtomicInteger connections = new AtomicInteger();
  final AtomicInteger concurrent = new AtomicInteger();
  final AtomicInteger maxConcurrent = new AtomicInteger();

  TestServer(Handler handler) throws IOException {
    this(InetAddress.getLoopbackAddress(), 0, handler);
  }

  TestServer(InetAddress bind, int port, Handler handler) throws IOException {
    server = new ServerSocket();
    server.setReuseAddress(true);
    server.bind(new InetSocketAddress(bind, port), 200);
    threads.execute(() -> {
      while (!server.isClosed()) {
        try {
          Socket s = server.accept();
          connections.incrementAndGet();
          threads.execute(() -> serve(s, handler));
        } catch (IOException e) {
          return;
        }
      }
    });
  }

  private void serve(Socket s, Handler handler) {
    int now = concurrent.incrementAndGet();
    maxConcurrent.accumulateAndGet(now, Math::max);
    try (s) {
      Request r = readHead(s.getInputStream());
      if (r == null) return;
      seen.add(r);
      OutputStream out = s.getOutputStream();
      handler.handle(r, out, s);
      out.flush();
    } catch (Exception e) {
      // the client hung up or the handler broke the connection on purpose
    } finally {
      concurrent.decrementAndGet();
    }
  }

  private static Request readHead(InputStream in) throws IOException {
    ByteArrayOutputStream head = new ByteArrayOutputStream();
    int state = 0;
    while (state < 4) {
      int b = in.read();
      if (b < 0) return null;
      head.write(b);
      state = (b == '\r' && (state == 0 || state == 2)) || (b == '\n' && (state == 1 || state == 3)) ? state + 1 : 0;
    }
    String[] lines = head.toString(StandardCharsets.ISO_8859_1).split("\r\n");
    if (lines.length == 0 || lines[0].isBlank()) return null;
    String[] first = lines[0].split(" ");
    Map<String, String> headers = new LinkedHashMap<>();
    for (int i = 1; i < lines.length; i++) {
      int c = lines[i].indexOf(':');
      if (c > 0) headers.put(lines[i].substring(0, c).trim().toLowerCase(Locale.ROOT), lines[i].substring(c + 1).trim());
    }
    return new Request(first[0], first.length > 1 ? first[1] : "", headers);
  }

  int port() {
    return server.getLocalPort();
  }

  String url(String path) {
    return "http://127.0.0.1:" + port() + path;
  }

  int requests() {
    return seen.size();
  }

  /** Writes a complete response with Content-Length and Connection: close. */
  static void respond(OutputStream out, int status, byte[] body, String... headers) throws IOException {
    StringBuilder sb = new StringBuilder("HTTP/1.1 ").append(status).append(' ').append(reason(status)).append("\r\n");
    for (int i = 0; i + 1 < headers.length; i += 2) sb.append(headers[i]).append(": ").append(headers[i + 1]).append("\r\n");
    if (body != null) sb.append("Content-Length: ").append(body.length).append("\r\n");
    sb.append("Connection: close\r\n\r\n");
    out.write(sb.toString().getBytes(StandardCharsets.ISO_8859_1));
    if (body != null) out.write(body);
    out.flush();
  }

  static void respond(OutputStream out, int status, String body, String... headers) throws IOException {
    respond(out, status, body == null ? null : body.getBytes(StandardCharsets.UTF_8), headers);
  }

  private static String reason(int status) {
    return switch (status) {
      case 200 -> "OK";
      case 301 -> "Moved Permanently";
      case 302 -> "Found";
      case 304 -> "Not Modified";
      case 308 -> "Permanent Redirect";
      case 404 -> "Not Found";
      case 410 -> "Gone";
      case 429 -> "Too Many Requests";
      case 503 -> "Service Unavailable";
      default -> "Status";
    };
  }

  @Override
  public void close() throws IOException {
    server.close();
    threads.shutdownNow();
  }
}
