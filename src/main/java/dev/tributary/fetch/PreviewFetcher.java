package dev.tributary.fetch;

import java.net.URI;
import java.time.Duration;
import java.time.InstantSource;
import java.util.concurrent.Semaphore;

/**
 * Fetches for {@code /api/preview}, apart from polling: its own HttpClient pool and its own host
 * limiter (a 429 seen by a preview pauses no poll; slow previews hold none of the poller's
 * connections), a cap on previews in flight, a per-client rate limit, a smaller body cap, and
 * failures told in one word where the detail would map the network behind the guard
 * (refused, timed out, blocked or unknown host all read "could not fetch").
 */
public final class PreviewFetcher implements AutoCloseable {
  /** What a preview fetch came to. */
  public sealed interface Outcome permits Fetched, Refused, Failed {}

  public record Fetched(FetchResult.Fetched result) implements Outcome {}

  /** Not attempted: too many previews in flight ({@code busy}) or the client's budget is used. */
  public record Refused(boolean busy, String message) implements Outcome {}

  /** Attempted and failed; {@code message} is safe to show to the client. */
  public record Failed(String message) implements Outcome {}

  private final HttpFeedFetcher fetcher;
  private final Semaphore inFlight;
  private final ClientRateLimiter perClient;

  public PreviewFetcher(HttpFeedFetcher fetcher, int concurrency, ClientRateLimiter perClient) {
    this.fetcher = fetcher;
    this.inFlight = new Semaphore(concurrency);
    this.perClient = perClient;
  }

  /** Its own fetcher from the poller's settings, narrowed to preview sizes and pool. */
  public static PreviewFetcher create(FetchSettings polling, int concurrency, int perClientPerMinute, Duration timeout,
      long maxBodyBytes, InstantSource clock) {
    Duration connect = min(polling.connectTimeout(), timeout);
    Duration read = min(polling.readTimeout(), timeout);
    FetchSettings s = polling.withTimeouts(connect, read, timeout).withMaxBodyBytes(maxBodyBytes)
        .withPerHost(1, Duration.ZERO, Duration.ofSeconds(2)).withMaxConnections(Math.max(1, concurrency))
        .withMaxRetryAfter(Duration.ZERO);
    HttpFeedFetcher fetcher = new HttpFeedFetcher(s, clock);
    return new PreviewFetcher(fetcher, concurrency, new ClientRateLimiter(perClientPerMinute, Duration.ofMinutes(1), clock));
  }

  public Outcome fetch(URI url, String client) {
    if (!perClient.tryAcquire(client)) {
      return new Refused(false, "too many previews from this client; try again in a minute");
    }
    if (!inFlight.tryAcquire()) {
      return new Refused(true, "too many previews in progress; try again shortly");
    }
    try {
      FetchResult result = fetcher.fetch(FetchRequest.unconditional(url));
      if (result instanceof FetchResult.Fetched f) {
        return new Fetched(f);
      }
      if (result instanceof FetchResult.Failed f) {
        return new Failed(publicMessage(f));
      }
      return new Failed("unexpected answer to an unconditional request");
    } finally {
      inFlight.release();
    }
  }

  /** HTTP answers and size limits are the publisher's business to show; network-level detail is not. */
  static String publicMessage(FetchResult.Failed f) {
    return switch (f.kind()) {
      case GONE, THROTTLED, HTTP_ERROR -> "the server answered HTTP " + f.status();
      case TOO_LARGE -> "the document is larger than the preview limit";
      case TOO_MANY_REDIRECTS -> "too many redirects";
      default -> "could not fetch this URL";
    };
  }

  private static Duration min(Duration a, Duration b) {
    return a.compareTo(b) <= 0 ? a : b;
  }

  @Override
  public void close() {
    fetcher.close();
  }
}
