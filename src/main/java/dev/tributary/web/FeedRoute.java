package dev.tributary.web;

import dev.tributary.config.TributarySettings;
import dev.tributary.publish.ChannelPublisher;
import dev.tributary.publish.ContentCoding;
import dev.tributary.publish.FeedFormat;
import dev.tributary.publish.RenderedFeed;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.vertx.core.MultiMap;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.http.HttpServerResponse;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.nio.ByteBuffer;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The hot path of the merged feeds: a feed already rendered at the current revision is answered
 * on the event loop from memory, 200 or 304, without the REST layer, a worker thread or the
 * database. Anything else (nothing cached yet, this replica changed data, an unknown channel or
 * format, an odd limit or path) goes on to {@link FeedResource}, which renders, caches and answers
 * errors; both send the same headers through {@link FeedReply}.
 *
 * <p>The route runs after the header filters and before authentication (order -250, the security
 * filters sit at -200 and -100): feeds are public (interface.md), and the permission lookup per
 * request cost more than the answer. No admin path starts with /feeds/.
 */
@ApplicationScoped
public class FeedRoute {
  static final int ORDER = -250;
  private static final String PREFIX = "/feeds/";
  private static final int MAX_WIRES = 256;
  // Names written as the REST resource writes them: case does not matter in HTTP, but some
  // clients read headers into case-sensitive maps, and both paths must answer alike.
  private static final CharSequence ETAG = HttpHeaders.createOptimized("ETag");
  private static final CharSequence LAST_MODIFIED = HttpHeaders.createOptimized("Last-Modified");
  private static final CharSequence CACHE_CONTROL = HttpHeaders.createOptimized("Cache-Control");
  private static final CharSequence VARY = HttpHeaders.createOptimized("Vary");
  private static final CharSequence CONTENT_TYPE = HttpHeaders.createOptimized("Content-Type");
  private static final CharSequence CONTENT_ENCODING = HttpHeaders.createOptimized("Content-Encoding");
  private static final CharSequence CONTENT_LENGTH = HttpHeaders.createOptimized("Content-Length");

  @Inject ChannelPublisher publisher;
  @Inject TributarySettings settings;
  @Inject PublicUrl publicUrl;

  /**
   * Ready-to-send bytes and validators per rendered body (keyed by the array's identity: revisions
   * that keep the content share it, and so do its validators).
   */
  private final Map<byte[], Wire> wires = new ConcurrentHashMap<>();

  void register(@Observes Router router) {
    router.route(PREFIX + "*").order(ORDER).method(HttpMethod.GET).method(HttpMethod.HEAD).handler(this::handle);
  }

  void handle(RoutingContext rc) {
    RenderedFeed feed = cachedFeed(rc.request());
    if (feed == null) {
      rc.next();
      return;
    }
    HttpServerRequest request = rc.request();
    Wire wire = wire(feed);
    FeedReply reply = FeedReply.of(feed, wire.validators(), request.getHeader(HttpHeaders.ACCEPT_ENCODING),
        request.getHeader(HttpHeaders.IF_NONE_MATCH), request.getHeader(HttpHeaders.IF_MODIFIED_SINCE));
    HttpServerResponse response = rc.response();
    MultiMap h = response.headers();
    h.set(ETAG, reply.etag());
    h.set(LAST_MODIFIED, reply.lastModified());
    h.set(CACHE_CONTROL, FeedReply.cacheControl(settings.publish().maxAgeSeconds()));
    h.set(VARY, FeedReply.VARY);
    if (reply.notModified()) {
      response.setStatusCode(304).end();
      return;
    }
    h.set(CONTENT_TYPE, feed.mediaType());
    String token = reply.coding().token();
    ByteBuf bytes = wire.of(reply.coding());
    if (request.method() == HttpMethod.HEAD) {
      if (token != null) {
        h.set(CONTENT_ENCODING, token);
      }
      h.set(CONTENT_LENGTH, Integer.toString(bytes.readableBytes()));
      response.end();
      return;
    }
    // "identity" tells the HTTP layer's own compression to leave the body alone (it is not sent)
    h.set(CONTENT_ENCODING, token == null ? HttpHeaders.IDENTITY.toString() : token);
    response.end(Buffer.buffer(bytes.duplicate()));
  }

  /** The cached feed this request names, or null when the REST resource must answer it. */
  private RenderedFeed cachedFeed(HttpServerRequest request) {
    String path = request.path();
    if (path == null || !path.startsWith(PREFIX) || path.indexOf('%') >= 0) {
      return null;
    }
    int dot = path.lastIndexOf('.');
    if (dot <= PREFIX.length() || path.indexOf('/', PREFIX.length()) >= 0 || path.lastIndexOf('.', dot - 1) >= 0) {
      return null;
    }
    FeedFormat format = FeedFormat.ofExtension(path.substring(dot + 1)).orElse(null);
    Integer limit = limit(request);
    if (format == null || limit == null) {
      return null;
    }
    String channel = path.substring(PREFIX.length(), dot);
    return publisher.cached(channel, format, PageLimit.cachedSize(limit), publicUrl.base()).orElse(null);
  }

  /** The requested limit when it is plainly one in range, else null (the resource answers). */
  private Integer limit(HttpServerRequest request) {
    if (request.query() == null) {
      return settings.publish().defaultLimit();
    }
    List<String> values = request.params().getAll("limit");
    if (values.isEmpty()) {
      return settings.publish().defaultLimit();
    }
    if (values.size() > 1) {
      return null;
    }
    try {
      var n = PageLimit.of(Integer.parseInt(values.get(0)), settings.publish());
      return n.isPresent() ? n.getAsInt() : null;
    } catch (NumberFormatException e) {
      return null;
    }
  }

  private Wire wire(RenderedFeed feed) {
    Wire w = wires.get(feed.body());
    if (w == null) {
      if (wires.size() >= MAX_WIRES) {
        wires.clear();
      }
      w = new Wire(FeedReply.Validators.of(feed), direct(feed.body()), direct(feed.gzip()),
          feed.brotli() == null ? null : direct(feed.brotli()));
      wires.put(feed.body(), w);
    }
    return w;
  }

  /**
   * Off-heap once, so a socket write copies nothing per request. A JDK direct buffer, which the
   * garbage collector frees once the entry is dropped (Netty's own would wait for a release).
   */
  private static ByteBuf direct(byte[] bytes) {
    ByteBuffer out = ByteBuffer.allocateDirect(bytes.length).put(bytes).flip();
    return Unpooled.unreleasableBuffer(Unpooled.wrappedBuffer(out));
  }

  private record Wire(FeedReply.Validators validators, ByteBuf identity, ByteBuf gzip, ByteBuf brotli) {
    ByteBuf of(ContentCoding coding) {
      return switch (coding) {
        case IDENTITY -> identity;
        case GZIP -> gzip;
        case BROTLI -> brotli;
      };
    }
  }
}
