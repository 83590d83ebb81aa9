package dev.tributary.fetch;

/**
 * The only door to the network. Implementations enforce timeouts, the body cap, the redirect
 * limit, per-host limits and the SSRF guard, and never touch the database.
 */
public interface FeedFetcher {
  FetchResult fetch(FetchRequest request);
}
