package dev.tributary.poll;

import dev.tributary.fetch.CacheHints;
import dev.tributary.fetch.FailureKind;
import dev.tributary.fetch.FetchResult;
import java.time.Duration;

/** What one poll came to, in the terms the schedule cares about. */
public sealed interface PollOutcome {

  /** New content was stored. {@code ttlMinutes} is the feed's RSS ttl, or null. */
  record Changed(CacheHints hints, Integer ttlMinutes) implements PollOutcome {}

  /** 304, or a 200 with nothing new. */
  record Unchanged(CacheHints hints, Integer ttlMinutes) implements PollOutcome {}

  /** The fetch (or the parse, with {@link FailureKind#PARSE}) failed. */
  record Failure(FailureKind kind, Duration retryAfter, CacheHints hints, String message) implements PollOutcome {}

  /**
   * From a fetch result. {@code contentChanged} is whether storing the parsed body added or
   * changed anything; {@code ttlMinutes} is the parsed feed's ttl (null on 304 or when absent).
   */
  static PollOutcome of(FetchResult result, boolean contentChanged, Integer ttlMinutes) {
    if (result instanceof FetchResult.Fetched f) {
      return contentChanged ? new Changed(f.hints(), ttlMinutes) : new Unchanged(f.hints(), ttlMinutes);
    }
    if (result instanceof FetchResult.NotModified n) return new Unchanged(n.hints(), null);
    FetchResult.Failed f = (FetchResult.Failed) result;
    return new Failure(f.kind(), f.retryAfter(), f.hints(), f.message());
  }
}
