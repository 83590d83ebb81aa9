package dev.tributary.it;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketException;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import org.jboss.logging.Logger;

/**
 * A hostile HTTP/1.1 server on a plain {@link ServerSocket}, for misbehaviour WireMock cannot
 * express byte by byte: dribbling headers or bodies, resets mid-body, endless bodies. Each path
 * has a swappable {@link Behaviour}; a TLS ClientHello gets the plain-text 400 a real HTTP-only
 * server would send.
 */
final class RawServer implements AutoCloseable {
  private static final Logger LOG = Logger.getLogger(RawServer.class);

  /** Answers one request; owns the socket and must close it (now or later). */
  @FunctionalInterface
  interface Behaviour {
    void serve(Socket socket, RawServer server) throws IOException;
  }

  private final ServerSocket listener;
  private final ExecutorService connections = Executors.newCachedThreadPool(daemon("raw-conn"));
  // dribbling happens on timer ticks, so no handler ever sleeps
  private final ScheduledExecutorService ticker = Executors.newScheduledThreadPool(2, daemon("raw-tick"));
  private final Map<String, Behaviour> routes = new ConcurrentHashMap<>();
  private final Map<String, AtomicInteger> hits = new ConcurrentHashMap<>();
  private final AtomicLong bodyBytesSent = new AtomicLong();

  RawServer(InetAddress address) throws IOException {
    listener = new ServerSocket(0, 50, address);
    connections.execute(this::acceptLoop);
  }

  int port() {
    return listener.getLocalPort();
  }

  void route(String path, Behaviour behaviour) {
    routes.put(path, behaviour);
  }

  int hits(String path) {
    return hits.computeIfAbsent(path, p -> new AtomicInteger()).get();
  }

  /** Bytes of endless bodies written so far (see {@link #endless}). */
  long bodyBytesSent() {
    return bodyBytesSent.get();
  }

  private void acceptLoop() {
    while (!listener.isClosed()) {
      try {
        Socket s = listener.accept();
        connections.execute(() -> handle(s));
      } catch (IOException e) {
        if (!listener.isClosed()) LOG.warn("raw server accept failed", e);
      }
    }
  }

  private void handle(Socket s) {
    try {
      s.setSoTimeout(5000);
      InputStream in = s.getInputStream();
      int first = in.read();
      if (first == 0x16) {
        // a TLS handshake record sent to a plain-HTTP port: answer as an HTTP-only server does
        write(s, "HTTP/1.1 400 Bad Request\r\nConnection: close\r\nContent-Length: 0\r\n\r\n");
        s.close();
        return;
      }
      String path = requestPath(first, in);
      hits.computeIfAbsent(path, p -> new AtomicInteger()).incrementAndGet();
      Behaviour b = routes.getOrDefault(path, (sock, srv) -> respond(sock, 404, "text/plain", bytes("no route")));
      b.serve(s, this);
    } catch (IOException e) {
      // the client hanging up on a hostile answer is the expected end of most exchanges
      LOG.debugf("raw connection ended: %s", e);
      closeQuietly(s);
    }
  }

  private static String requestPath(int first, InputStream in) throws IOException {
    ByteArrayOutputStream head = new ByteArrayOutputStream();
    head.write(first);
    int matched = 0;
    byte[] end = {'\r', '\n', '\r', '\n'};
    while (matched < 4) {
      int b = in.read();
      if (b < 0) throw new IOException("request head cut short");
      head.write(b);
      matched = b == end[matched] ? matched + 1 : (b == '\r' ? 1 : 0);
    }
    String requestLine = head.toString(StandardCharsets.ISO_8859_1).lines().findFirst().orElse("");
    String[] parts = requestLine.split(" ");
    return parts.length > 1 ? parts[1] : "/";
  }

  // ---- behaviours ----

  static Behaviour ok(String contentType, byte[] body) {
    return (s, srv) -> respond(s, 200, contentType, body);
  }

  static void respond(Socket s, int status, String contentType, byte[] body) throws IOException {
    write(s, "HTTP/1.1 " + status + " X\r\nContent-Type: " + contentType + "\r\nContent-Length: " + body.length
        + "\r\nConnection: close\r\n\r\n");
    s.getOutputStream().write(body);
    s.getOutputStream().flush();
    s.close();
  }

  /** A status line, then one header byte per tick: never silent long enough for a read timeout. */
  static Behaviour slowHeaders() {
    return (s, srv) -> {
      write(s, "HTTP/1.1 200 OK\r\n");
      srv.dribble(s, "X-Padding: " + "a".repeat(200) + "\r\n");
    };
  }

  /** Complete headers, then the body one byte per tick. */
  static Behaviour slowBody(byte[] feed) {
    return (s, srv) -> {
      write(s, "HTTP/1.1 200 OK\r\nContent-Type: application/rss+xml\r\nContent-Length: " + feed.length + "\r\n\r\n");
      srv.dribble(s, new String(feed, StandardCharsets.UTF_8));
    };
  }

  /** Announces the whole feed, sends half of it, then resets the connection (RST, not FIN). */
  static Behaviour resetMidBody(byte[] feed) {
    return (s, srv) -> {
      write(s, "HTTP/1.1 200 OK\r\nContent-Type: application/rss+xml\r\nContent-Length: " + feed.length + "\r\n\r\n");
      OutputStream out = s.getOutputStream();
      out.write(feed, 0, feed.length / 2);
      out.flush();
      s.setSoLinger(true, 0);
      s.close();
    };
  }

  /**
   * {@code total} bytes of well-formed looking items with no Content-Length, generated chunk by
   * chunk as the client reads: nothing of that size is ever held in memory.
   */
  static Behaviour endless(long total) {
    return (s, srv) -> {
      write(s, "HTTP/1.1 200 OK\r\nContent-Type: application/rss+xml\r\nConnection: close\r\n\r\n");
      OutputStream out = s.getOutputStream();
      out.write(bytes("<?xml version=\"1.0\"?><rss version=\"2.0\"><channel><title>Endless</title>"));
      byte[] chunk = bytes("<item><title>more</title></item>\n".repeat(2000));
      try {
        for (long sent = 0; sent < total; sent += chunk.length) {
          out.write(chunk);
          srv.bodyBytesSent.addAndGet(chunk.length);
        }
      } finally {
        closeQuietly(s);
      }
    };
  }

  /** Announces {@code total} bytes with Content-Length, then streams them lazily like {@link #endless}. */
  static Behaviour announced(long total) {
    return (s, srv) -> {
      write(s, "HTTP/1.1 200 OK\r\nContent-Type: application/rss+xml\r\nContent-Length: " + total + "\r\n\r\n");
      byte[] chunk = bytes(" ".repeat(65536));
      OutputStream out = s.getOutputStream();
      try {
        for (long sent = 0; sent < total; sent += chunk.length) {
          out.write(chunk);
          srv.bodyBytesSent.addAndGet(chunk.length);
        }
      } finally {
        closeQuietly(s);
      }
    };
  }

  /** Endless headers (a memory attack on clients that keep them all); the body never comes. */
  static Behaviour headerFlood() {
    return (s, srv) -> {
      write(s, "HTTP/1.1 200 OK\r\n");
      OutputStream out = s.getOutputStream();
      try {
        for (int i = 0; i < 1_000_000; i++) {
          out.write(bytes("X-Flood-" + i + ": " + "a".repeat(64) + "\r\n"));
        }
      } finally {
        closeQuietly(s);
      }
    };
  }

  /** A pre-compressed body sent with {@code Content-Encoding: gzip}. */
  static Behaviour gzipped(byte[] compressed) {
    return (s, srv) -> {
      write(s, "HTTP/1.1 200 OK\r\nContent-Type: application/rss+xml\r\nContent-Encoding: gzip\r\nContent-Length: "
          + compressed.length + "\r\nConnection: close\r\n\r\n");
      s.getOutputStream().write(compressed);
      s.getOutputStream().flush();
      s.close();
    };
  }

  /** Writes {@code text} one byte every 100 ms; gives up after 20 s or when the client leaves. */
  private void dribble(Socket s, String text) {
    byte[] data = bytes(text);
    AtomicInteger next = new AtomicInteger();
    AtomicReference<ScheduledFuture<?>> task = new AtomicReference<>();
    task.set(ticker.scheduleAtFixedRate(() -> {
      int i = next.getAndIncrement();
      try {
        if (i >= data.length || i >= 200) {
          throw new SocketException("dribble over");
        }
        s.getOutputStream().write(data[i]);
        s.getOutputStream().flush();
      } catch (IOException e) {
        closeQuietly(s);
        ScheduledFuture<?> f = task.get();
        if (f != null) f.cancel(false);
      }
    }, 0, 100, TimeUnit.MILLISECONDS));
  }

  private static void write(Socket s, String text) throws IOException {
    s.getOutputStream().write(text.getBytes(StandardCharsets.ISO_8859_1));
    s.getOutputStream().flush();
  }

  static byte[] bytes(String s) {
    return s.getBytes(StandardCharsets.UTF_8);
  }

  private static void closeQuietly(Socket s) {
    try {
      s.close();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static java.util.concurrent.ThreadFactory daemon(String name) {
    AtomicInteger n = new AtomicInteger();
    return r -> {
      Thread t = new Thread(r, name + "-" + n.incrementAndGet());
      t.setDaemon(true);
      return t;
    };
  }

  @Override
  public void close() throws IOException {
    listener.close();
    ticker.shutdownNow();
    connections.shutdownNow();
  }
}
