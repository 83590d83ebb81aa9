package dev.tributary.fetch;

import java.time.Duration;
import java.util.Objects;

/**
 * Limits and manners of the fetcher, built from {@code tributary.fetch.*} (the settings carry the defaults).
 *
 * @param connectTimeout TCP (and TLS) connect, per address tried
 * @param readTimeout longest silence on the socket (headers and body), per read
 * @param totalTimeout whole exchange, all redirect hops included; defeats servers that dribble
 * @param maxBodyBytes cap on the body, checked on the raw and on the decompressed stream
 * @param maxRedirects hops followed before giving up
 * @param perHostConcurrency requests in flight to one host at once
 * @param perHostSpacing minimum time between the starts of two requests to one host
 * @param maxHostWait longest a fetch waits for its host's turn before it is deferred
 * @param maxRetryAfter a Retry-After longer than this is cut to it (so a host is never paused for ever)
 * @param allowPrivateNetworks turns the SSRF guard off (tests, LANs)
 * @param userAgent sent with every request
 * @param maxConnections pooled connections across all hosts
 */
public record FetchSettings(
    Duration connectTimeout,
    Duration readTimeout,
    Duration totalTimeout,
    long maxBodyBytes,
    int maxRedirects,
    int perHostConcurrency,
    Duration perHostSpacing,
    Duration maxHostWait,
    Duration maxRetryAfter,
    boolean allowPrivateNetworks,
    String userAgent,
    int maxConnections) {

  public FetchSettings {
    Objects.requireNonNull(connectTimeout, "connectTimeout");
    Objects.requireNonNull(readTimeout, "readTimeout");
    Objects.requireNonNull(totalTimeout, "totalTimeout");
    Objects.requireNonNull(perHostSpacing, "perHostSpacing");
    Objects.requireNonNull(maxHostWait, "maxHostWait");
    Objects.requireNonNull(maxRetryAfter, "maxRetryAfter");
    Objects.requireNonNull(userAgent, "userAgent");
    if (maxBodyBytes <= 0) throw new IllegalArgumentException("maxBodyBytes must be positive");
    if (maxRedirects < 0) throw new IllegalArgumentException("maxRedirects must be >= 0");
    if (perHostConcurrency < 1) throw new IllegalArgumentException("perHostConcurrency must be >= 1");
    if (maxConnections < 1) throw new IllegalArgumentException("maxConnections must be >= 1");
    if (connectTimeout.isNegative() || connectTimeout.isZero()
        || readTimeout.isNegative() || readTimeout.isZero()
        || totalTimeout.isNegative() || totalTimeout.isZero()) {
      throw new IllegalArgumentException("timeouts must be positive");
    }
  }

  public FetchSettings withTimeouts(Duration connect, Duration read, Duration total) {
    return new FetchSettings(connect, read, total, maxBodyBytes, maxRedirects, perHostConcurrency,
        perHostSpacing, maxHostWait, maxRetryAfter, allowPrivateNetworks, userAgent, maxConnections);
  }

  public FetchSettings withMaxBodyBytes(long bytes) {
    return new FetchSettings(connectTimeout, readTimeout, totalTimeout, bytes, maxRedirects,
        perHostConcurrency, perHostSpacing, maxHostWait, maxRetryAfter, allowPrivateNetworks,
        userAgent, maxConnections);
  }

  public FetchSettings withPerHost(int concurrency, Duration spacing, Duration maxWait) {
    return new FetchSettings(connectTimeout, readTimeout, totalTimeout, maxBodyBytes, maxRedirects,
        concurrency, spacing, maxWait, maxRetryAfter, allowPrivateNetworks, userAgent,
        maxConnections);
  }

  public FetchSettings withAllowPrivateNetworks(boolean allow) {
    return new FetchSettings(connectTimeout, readTimeout, totalTimeout, maxBodyBytes, maxRedirects,
        perHostConcurrency, perHostSpacing, maxHostWait, maxRetryAfter, allow, userAgent,
        maxConnections);
  }

  /** {@code Duration.ZERO}: a Retry-After is reported but pauses nothing (previews). */
  public FetchSettings withMaxRetryAfter(Duration max) {
    return new FetchSettings(connectTimeout, readTimeout, totalTimeout, maxBodyBytes, maxRedirects,
        perHostConcurrency, perHostSpacing, maxHostWait, max, allowPrivateNetworks, userAgent, maxConnections);
  }

  public FetchSettings withMaxConnections(int connections) {
    return new FetchSettings(connectTimeout, readTimeout, totalTimeout, maxBodyBytes, maxRedirects,
        perHostConcurrency, perHostSpacing, maxHostWait, maxRetryAfter, allowPrivateNetworks,
        userAgent, connections);
  }
}
