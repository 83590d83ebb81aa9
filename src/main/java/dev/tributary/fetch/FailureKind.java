package dev.tributary.fetch;

/** Why a fetch failed, in the terms the scheduler acts on. */
public enum FailureKind {
  /** 410: the publisher says the feed is gone; the source is parked. */
  GONE,
  /** 429 or 503: slow down; Retry-After pauses the whole host. */
  THROTTLED,
  /** Other 4xx/5xx. */
  HTTP_ERROR,
  /** Connect, read or total timeout. */
  TIMEOUT,
  /** Body larger than the cap (after decompression). */
  TOO_LARGE,
  /** More redirects than allowed, or a loop. */
  TOO_MANY_REDIRECTS,
  /** Refused by the SSRF guard (loopback, private, link-local, metadata …). */
  BLOCKED_ADDRESS,
  /** Host name does not resolve. */
  DNS,
  /** TLS handshake or certificate failure. */
  TLS,
  /** Connection refused or reset, malformed response, corrupt gzip … */
  IO,
  /** The body was fetched but is not a readable feed (set by the poller after parsing). */
  PARSE,
  /**
   * Not attempted: the host is paused (Retry-After) or busy past the wait bound. Reschedule at
   * {@code retryAfter} without counting a failure against the source.
   */
  DEFERRED
}
