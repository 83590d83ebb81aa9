package dev.tributary.fetch;

import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;

/**
 * Politeness per host, in the one place every request passes through: at most N requests in
 * flight, starts at least a minimum spacing apart, and a pause (from Retry-After) that turns every
 * request to the host away until it ends. Waits are bounded; past the bound a request is deferred
 * rather than left holding a pool thread. The per-host map is bounded: once it holds more than
 * {@link #PURGE_ABOVE} hosts, entries with nothing in flight, no spacing still running and no pause
 * are dropped (they hold no information a fresh entry would not), so host names that are seen
 * once do not accumulate for ever.
 */
public final class HostLimiter {

  /** What {@link #acquire} came to. */
  public sealed interface Admission permits Granted, Deferred {}

  /** Go ahead; close the permit when the exchange is over. */
  public record Granted(Permit permit) implements Admission {}

  /** Not now: try again at {@code notBefore}. */
  public record Deferred(Instant notBefore, String reason) implements Admission {}

  /** A slot in the host's concurrency; closing it twice is harmless. */
  public static final class Permit implements AutoCloseable {
    private final Semaphore slots;
    private Runnable done = () -> {};
    private boolean released;

    private Permit(Semaphore slots) {
      this.slots = slots;
    }

    private synchronized void onClose(Runnable then) {
      done = then;
    }

    @Override
    public synchronized void close() {
      if (!released) {
        released = true;
        slots.release();
        done.run();
      }
    }
  }

  /** Entries beyond this count are purged of idle hosts. */
  static final int PURGE_ABOVE = 4096;

  private static final class HostState {
    final Semaphore slots;
    Instant nextStart = Instant.MIN;
    volatile Instant pausedUntil = Instant.MIN;
    /** Callers between acquire and the end of their permit; changed only inside the map's compute. */
    int holders;

    HostState(int concurrency) {
      slots = new Semaphore(concurrency, true);
    }
  }

  private final int concurrency;
  private final Duration spacing;
  private final Duration maxWait;
  private final InstantSource clock;
  private final Sleeper sleeper;
  private final ConcurrentMap<String, HostState> hosts = new ConcurrentHashMap<>();

  public HostLimiter(
      int concurrency, Duration spacing, Duration maxWait, InstantSource clock, Sleeper sleeper) {
    if (concurrency < 1) throw new IllegalArgumentException("concurrency must be >= 1");
    this.concurrency = concurrency;
    this.spacing = spacing;
    this.maxWait = maxWait;
    this.clock = clock;
    this.sleeper = sleeper;
  }

  public static HostLimiter forSettings(FetchSettings s, InstantSource clock, Sleeper sleeper) {
    return new HostLimiter(s.perHostConcurrency(), s.perHostSpacing(), s.maxHostWait(), clock, sleeper);
  }

  /**
   * Waits (at most the configured bound) for a slot and for the host's spacing, then grants. A
   * paused host, or one whose queue is longer than the bound, is deferred at once.
   */
  public Admission acquire(String host) throws InterruptedException {
    String key = key(host);
    HostState state = hold(key);
    boolean granted = false;
    try {
      Admission admission = admit(host, state);
      if (admission instanceof Granted g) {
        g.permit().onClose(() -> release(key));
        granted = true;
      }
      return admission;
    } finally {
      if (!granted) {
        release(key);
      }
    }
  }

  private Admission admit(String host, HostState state) throws InterruptedException {
    Instant now = clock.instant();
    Optional<Deferred> paused = pausedAt(state, now);
    if (paused.isPresent()) return paused.get();

    if (!state.slots.tryAcquire(maxWait.toNanos(), TimeUnit.NANOSECONDS)) {
      return new Deferred(clock.instant().plus(spacing),
          "host busy: " + concurrency + " requests in flight for longer than " + maxWait.toSeconds() + " s");
    }
    Permit permit = new Permit(state.slots);
    try {
      Instant start;
      synchronized (state) {
        now = clock.instant();
        start = state.nextStart.isAfter(now) ? state.nextStart : now;
        if (Duration.between(now, start).compareTo(maxWait) > 0) {
          permit.close();
          return new Deferred(start, "host busy: next turn at " + start);
        }
        state.nextStart = start.plus(spacingFor(host));
      }
      if (start.isAfter(now)) sleeper.sleepUntil(start);
      // a 429 may have paused the host while this request waited its turn
      paused = pausedAt(state, clock.instant());
      if (paused.isPresent()) {
        permit.close();
        return paused.get();
      }
      return new Granted(permit);
    } catch (InterruptedException | RuntimeException e) {
      permit.close();
      throw e;
    }
  }

  /**
   * Spacing protects publishers from bursts; a loopback host is this machine (tests, local
   * mirrors, sidecars), so only the concurrency bound applies to it.
   */
  private Duration spacingFor(String host) {
    String h = host == null ? "" : host.toLowerCase(Locale.ROOT).replaceFirst(":\\d+$", "");
    boolean loopback = h.equals("localhost") || h.startsWith("127.") || h.equals("[::1]") || h.equals("::1");
    return loopback ? Duration.ZERO : spacing;
  }

  private HostState hold(String key) {
    if (hosts.size() > PURGE_ABOVE) {
      purgeIdle();
    }
    return hosts.compute(key, (k, s) -> {
      HostState state = s == null ? new HostState(concurrency) : s;
      state.holders++;
      return state;
    });
  }

  private void release(String key) {
    hosts.computeIfPresent(key, (k, s) -> {
      s.holders--;
      return s;
    });
  }

  /** Drops hosts nobody holds whose spacing and pause have run out; atomic per host. */
  void purgeIdle() {
    Instant now = clock.instant();
    for (String key : hosts.keySet()) {
      hosts.computeIfPresent(key, (k, s) -> s.holders <= 0 && !s.pausedUntil.isAfter(now) && !nextStartAfter(s, now) ? null : s);
    }
  }

  private static boolean nextStartAfter(HostState s, Instant now) {
    synchronized (s) {
      return s.nextStart.isAfter(now);
    }
  }

  int size() {
    return hosts.size();
  }

  /**
   * The politeness key of a URL: host and port (the scheme's default when none is given), since
   * two servers on one host answer for themselves (a 429 from one port pauses only that port).
   */
  public static String hostKey(URI url) {
    int port = url.getPort() != -1 ? url.getPort() : "https".equalsIgnoreCase(url.getScheme()) ? 443 : 80;
    return url.getHost() + ":" + port;
  }

  /** Turns the host's requests away until {@code until} (never shortens an existing pause). */
  public void pause(String host, Instant until) {
    HostState state = hosts.computeIfAbsent(key(host), h -> new HostState(concurrency));
    synchronized (state) {
      if (until.isAfter(state.pausedUntil)) state.pausedUntil = until;
    }
  }

  /** When the host's pause ends, if it is paused now; the scheduler pushes its sources past it. */
  public Optional<Instant> pausedUntil(String host) {
    HostState state = hosts.get(key(host));
    if (state == null) return Optional.empty();
    Instant until = state.pausedUntil;
    return until.isAfter(clock.instant()) ? Optional.of(until) : Optional.empty();
  }

  private static Optional<Deferred> pausedAt(HostState state, Instant now) {
    Instant until = state.pausedUntil;
    if (until.isAfter(now)) {
      return Optional.of(new Deferred(until, "host paused by the server (Retry-After) until " + until));
    }
    return Optional.empty();
  }

  private static String key(String host) {
    return host.toLowerCase(Locale.ROOT);
  }
}
