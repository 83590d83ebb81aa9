/**
 * The only code that opens sockets.
 *
 * <p>Wiring: one {@link dev.tributary.fetch.HttpFeedFetcher} per application, built from
 * {@link dev.tributary.fetch.FetchSettings} (mapped from {@code tributary.fetch.*}, whose defaults are
 * the only ones) and an {@code InstantSource}; close it on shutdown. Run fetches
 * on a bounded pool, as the poller does (48 threads is enough for 10,000 feeds a minute on
 * two cores), never on request threads. Before claiming due sources, the scheduler may ask
 * {@code fetcher.hostLimiter().pausedUntil(host)} and push those sources out; a fetch to a paused
 * or saturated host comes back at once as {@code Failed(DEFERRED)} with a retryAfter.
 *
 * <p>Guarantees: every outcome is a {@link dev.tributary.fetch.FetchResult} value; each redirect
 * hop passes the host limiter and the SSRF guard, and the connection goes to the very addresses
 * the guard checked; the body cap holds on the raw and on the decompressed bytes; connect, read
 * and total timeouts are enforced; TLS uses the platform trust store and hostname checks.
 *
 * <p>Known limit: the platform resolver cannot be interrupted, so a hanging DNS server can hold
 * a fetch past the total timeout (the JDK caches answers, which keeps this rare).
 */
package dev.tributary.fetch;
