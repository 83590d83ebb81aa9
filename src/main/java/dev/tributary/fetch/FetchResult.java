package dev.tributary.fetch;

import java.net.URI;
import java.time.Duration;

/** What one fetch came to. Never thrown: every outcome, failures included, is a value. */
public sealed interface FetchResult permits FetchResult.Fetched, FetchResult.NotModified, FetchResult.Failed {

  /** Caching hints the server sent, used by the scheduler as floors (null when absent). */
  CacheHints hints();

  /**
   * A 2xx with its body (decompressed, at most the configured cap). {@code finalUrl} is where the
   * body came from after redirects; {@code permanentRedirect} is where the run of 301/308s that
   * starts at the requested URL ends (a permanent move after a temporary one is not the source's
   * move), or null. {@code contentLanguage} is the Content-Language header, or null.
   */
  record Fetched(
      URI finalUrl,
      int status,
      String contentType,
      String contentLocation,
      String etag,
      String lastModified,
      byte[] body,
      URI permanentRedirect,
      CacheHints hints,
      String contentLanguage)
      implements FetchResult {
    public Fetched(URI finalUrl, int status, String contentType, String contentLocation, String etag,
        String lastModified, byte[] body, URI permanentRedirect, CacheHints hints) {
      this(finalUrl, status, contentType, contentLocation, etag, lastModified, body, permanentRedirect, hints, null);
    }
  }

  /**
   * 304: the validators matched; nothing to parse. {@code permanentRedirect} as in {@link Fetched}
   * (a feed moved to https often answers 304 at its new address).
   */
  record NotModified(URI finalUrl, String etag, String lastModified, CacheHints hints, URI permanentRedirect)
      implements FetchResult {
    public NotModified(URI finalUrl, String etag, String lastModified, CacheHints hints) {
      this(finalUrl, etag, lastModified, hints, null);
    }
  }

  /**
   * Anything else: a kind for policy (backoff, parking), the HTTP status if one came, and a
   * message fit for an admin. {@code retryAfter} is from Retry-After on 429/503, else null.
   */
  record Failed(FailureKind kind, Integer status, String message, Duration retryAfter, CacheHints hints)
      implements FetchResult {}
}
