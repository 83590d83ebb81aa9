package dev.tributary.fetch;

import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * At most N counted events per client per window (fixed windows): previews asked for, wrong admin
 * tokens sent. The client table is bounded: the least recently seen clients are forgotten first, so
 * rotating addresses costs an attacker their own budget but never grows memory.
 */
public final class ClientRateLimiter {
  static final int MAX_CLIENTS = 10_000;

  private record Window(Instant start, int used) {}

  private final int limit;
  private final Duration window;
  private final InstantSource clock;
  private final Map<String, Window> clients = new LinkedHashMap<>(256, 0.75f, true) {
    @Override
    protected boolean removeEldestEntry(Map.Entry<String, Window> eldest) {
      return size() > MAX_CLIENTS;
    }
  };

  public ClientRateLimiter(int limit, Duration window, InstantSource clock) {
    this.limit = limit;
    this.window = window;
    this.clock = clock;
  }

  /** Counts one request; false, and nothing counted, when the client has used its budget for this window. */
  public synchronized boolean tryAcquire(String client) {
    Window w = current(client, clock.instant());
    if (w.used() >= limit) {
      clients.put(client, w);
      return false;
    }
    clients.put(client, new Window(w.start(), w.used() + 1));
    return true;
  }

  /** Counts one event that has already happened, whatever the budget says. */
  public synchronized void count(String client) {
    Window w = current(client, clock.instant());
    clients.put(client, new Window(w.start(), w.used() + 1));
  }

  /** How long until the client's window ends when its budget is used up; empty while some is left. */
  public synchronized Optional<Duration> exhaustedFor(String client) {
    Instant now = clock.instant();
    Window w = current(client, now);
    return w.used() < limit ? Optional.empty() : Optional.of(Duration.between(now, w.start().plus(window)));
  }

  /** The client's window at {@code now}: a fresh, unused one when its last has ended or it is unknown. */
  private Window current(String client, Instant now) {
    Window w = clients.get(client);
    return w == null || !now.isBefore(w.start().plus(window)) ? new Window(now, 0) : w;
  }

  synchronized int size() {
    return clients.size();
  }
}
