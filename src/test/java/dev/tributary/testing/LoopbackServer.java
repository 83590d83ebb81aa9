package dev.tributary.testing;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import org.jboss.logging.Logger;

/**
 * The one hand-written test server: HTTP/1.1 on a plain {@link ServerSocket}, for what WireMock
 * cannot express byte by byte (dribbling headers or bodies, resets mid-body, endless bodies,
 * answers that depend on the socket). Every request is parsed and recorded; each path can have
 * its own {@link Behaviour}, and a fallback serves the rest. A TLS ClientHello gets the
 * plain-text 400 a real HTTP-only server sends. Everything else is WireMock's job.
 */
public final class LoopbackServer implements AutoCloseable {
  private static final Logger LOG = Logger.getLogger(LoopbackServer.class);

  /** A request head as received. */
  public record Request(String method, String target, Map<String, String> headers) {
    public String header(String name) {
      return headers.get(name.toLowerCase(Locale.ROOT));
    }
  }

  /** Answers one request; owns the socket and must close it (now or later). */
  @FunctionalInterface
  public interface Behaviour {
    void serve(Request request, Socket socket, LoopbackServer server) throws IOException;
  }

  /** Writes one answer to {@code out}; the server closes the connection when it returns. */
  @FunctionalInterface
  public interface Handler {
    void handle(Request request, OutputStream out, Socket socket) throws Exception;
  }

  private final ServerSocket listener;
  private final ExecutorService connections = Executors.newCachedThreadPool(daemon("loopback-conn"));
  // dribbling happens on timer ticks, so no handler ever sleeps
  private final ScheduledExecutorService ticker = Executors.newScheduledThreadPool(2, daemon("loopback-tick"));
  private final Map<String, Behaviour> routes = new ConcurrentHashMap<>();
  private final Map<String, AtomicInteger> hits = new ConcurrentHashMap<>();
  private final AtomicLong bodyBytesSent = new AtomicLong();
  private volatile Behaviour fallback = (req, s, srv) -> respond(s, 404, "text/plain", bytes("no route"));

  /** Every request received, in order. */
  public final List<Request> seen = new CopyOnWriteArrayList<>();
  public final AtomicInteger connectionCount = new AtomicInteger();
  public final AtomicInteger concurrent = new AtomicInteger();
  public final AtomicInteger maxConcurrent = new AtomicInteger();

  /** On a free port of {@code address}. */
  public LoopbackServer(InetAddress address) throws IOException {
    this(address, 0);
  }

  /** On {@code port} of {@code address} (0: a free one). */
  public LoopbackServer(InetAddress address, int port) throws IOException {
    listener = new ServerSocket();
    listener.setReuseAddress(true);
    listener.bind(new InetSocketAddress(address, port), 200);
    connections.execute(this::acceptLoop);
  }

  /** A server on a free loopback port answering every request with {@code handler}. */
  public static LoopbackServer serving(Handler handler) throws IOException {
    return serving(InetAddress.getLoopbackAddress(), 0, handler);
  }

  public static LoopbackServer serving(InetAddress address, int port, Handler handler) throws IOException {
    LoopbackServer server = new LoopbackServer(address, port);
    server.fallback(handled(handler));
    return server;
  }

  /** A handler as a behaviour: it writes the answer, then the connection closes. */
  public static Behaviour handled(Handler handler) {
    return (req, s, srv) -> {
      try (s) {
        OutputStream out = s.getOutputStream();
        handler.handle(req, out, s);
        out.flush();
      } catch (IOException e) {
        throw e;
      } catch (Exception e) {
        // the handler broke the connection on purpose
        LOG.debugf("handler ended the connection: %s", e);
      }
    };
  }

  public int port() {
    return listener.getLocalPort();
  }

  public String url(String path) {
    return "http://127.0.0.1:" + port() + path;
  }

  public void route(String path, Behaviour behaviour) {
    routes.put(path, behaviour);
  }

  public void fallback(Behaviour behaviour) {
    fallback = behaviour;
  }

  public int hits(String path) {
    return hits.computeIfAbsent(path, p -> new AtomicInteger()).get();
  }

  public int requests() {
    return seen.size();
  }

  /** Bytes of endless bodies written so far (see {@link #endless}). */
  public long bodyBytesSent() {
    return bodyBytesSent.get();
  }

  private void acceptLoop() {
    while (!listener.isClosed()) {
      try {
        Socket s = listener.accept();
        connectionCount.incrementAndGet();
        connections.execute(() -> handle(s));
      } catch (IOException e) {
        if (!listener.isClosed()) LOG.warn("loopback server accept failed", e);
      }
    }
  }

  private void handle(Socket s) {
    int now = concurrent.incrementAndGet();
    maxConcurrent.accumulateAndGet(now, Math::max);
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
      if (first < 0) {
        s.close();
        return;
      }
      Request request = readHead(first, in);
      seen.add(request);
      String path = request.target();
      hits.computeIfAbsent(path, p -> new AtomicInteger()).incrementAndGet();
      routes.getOrDefault(path, fallback).serve(request, s, this);
    } catch (IOException e) {
      // the client hanging up on a hostile answer is the expected end of most exchanges
      LOG.debugf("loopback connection ended: %s", e);
      closeQuietly(s);
    } finally {
      concurrent.decrementAndGet();
    }
  }

  private static Request readHead(int first, InputStream in) throws IOException {
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
    String[] lines = head.toString(StandardCharsets.ISO_8859_1).split("\r\n");
    String[] requestLine = lines[0].split(" ");
    Map<String, String> headers = new LinkedHashMap<>();
    for (int i = 1; i < lines.length; i++) {
      int c = lines[i].indexOf(':');
      if (c > 0) headers.put(lines[i].substring(0, c).trim().toLowerCase(Locale.ROOT), lines[i].substring(c + 1).trim());
    }
    return new Request(requestLine[0], requestLine.length > 1 ? requestLine[1] : "/", headers);
  }

  /** Writes a complete response with Content-Length and Connection: close. */
  public static void respond(OutputStream out, int status, byte[] body, String... headers) throws IOException {
    StringBuilder sb = new StringBuilder("HTTP/1.1 ").append(status).append(' ').append(reason(status)).append("\r\n");
    for (int i = 0; i + 1 < headers.length; i += 2) sb.append(headers[i]).append(": ").append(headers[i + 1]).append("\r\n");
    if (body != null) sb.append("Content-Length: ").append(body.length).append("\r\n");
    sb.append("Connection: close\r\n\r\n");
    out.write(sb.toString().getBytes(StandardCharsets.ISO_8859_1));
    if (body != null) out.write(body);
    out.flush();
  }

  public static void respond(OutputStream out, int status, String body, String... headers) throws IOException {
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

  // ---- behaviours ----

  public static Behaviour ok(String contentType, byte[] body) {
    return (req, s, srv) -> respond(s, 200, contentType, body);
  }

  public static void respond(Socket s, int status, String contentType, byte[] body) throws IOException {
    write(s, "HTTP/1.1 " + status + " X\r\nContent-Type: " + contentType + "\r\nContent-Length: " + body.length
        + "\r\nConnection: close\r\n\r\n");
    s.getOutputStream().write(body);
    s.getOutputStream().flush();
    s.close();
  }

  /** A status line, then one header byte per tick: never silent long enough for a read timeout. */
  public static Behaviour slowHeaders() {
    return (req, s, srv) -> {
      write(s, "HTTP/1.1 200 OK\r\n");
      srv.dribble(s, "X-Padding: " + "a".repeat(200) + "\r\n");
    };
  }

  /** Complete headers, then the body one byte per tick. */
  public static Behaviour slowBody(byte[] feed) {
    return (req, s, srv) -> {
      write(s, "HTTP/1.1 200 OK\r\nContent-Type: application/rss+xml\r\nContent-Length: " + feed.length + "\r\n\r\n");
      srv.dribble(s, new String(feed, StandardCharsets.UTF_8));
    };
  }

  /** Announces the whole feed, sends half of it, then resets the connection (RST, not FIN). */
  public static Behaviour resetMidBody(byte[] feed) {
    return (req, s, srv) -> {
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
  public static Behaviour endless(long total) {
    return (req, s, srv) -> {
      write(s, "HTTP/1.1 200 OK\r\nContent-Type: application/rss+xml\r\nConnection: close\r\n\r\n");
      OutputStream out = s.getOutputStream();
      out.write(bytes("<?xml version=\"1.0\"?><rss version=\"2.0\"><channel><title>Endless</title>"));
      stream(s, srv, out, bytes("<item><title>more</title></item>\n".repeat(2000)), total);
    };
  }

  /** Announces {@code total} bytes with Content-Length, then streams them lazily like {@link #endless}. */
  public static Behaviour announced(long total) {
    return (req, s, srv) -> {
      write(s, "HTTP/1.1 200 OK\r\nContent-Type: application/rss+xml\r\nContent-Length: " + total + "\r\n\r\n");
      stream(s, srv, s.getOutputStream(), bytes(" ".repeat(65536)), total);
    };
  }

  /** Writes {@code chunk} until {@code total} bytes are sent (or the client hangs up), then closes. */
  private static void stream(Socket s, LoopbackServer srv, OutputStream out, byte[] chunk, long total)
      throws IOException {
    try {
      for (long sent = 0; sent < total; sent += chunk.length) {
        out.write(chunk);
        srv.bodyBytesSent.addAndGet(chunk.length);
      }
    } finally {
      closeQuietly(s);
    }
  }

  /** Endless headers (a memory attack on clients that keep them all); the body never comes. */
  public static Behaviour headerFlood() {
    return (req, s, srv) -> {
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
  public static Behaviour gzipped(byte[] compressed) {
    return (req, s, srv) -> {
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

  public static byte[] bytes(String s) {
    return s.getBytes(StandardCharsets.UTF_8);
  }

  private static void closeQuietly(Socket s) {
    try {
      s.close();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static ThreadFactory daemon(String name) {
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
