package dev.tributary.fetch;

import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * At most N requests per client per window (fixed windows). The client table is bounded: the
 * least recently seen clients are forgotten first, so rotating addresses costs an attacker their
 * own budget but never grows memory.
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

  /** Counts one request; false when the client has used its budget for this window. */
  public synchronized boolean tryAcquire(String client) {
    Instant now = clock.instant();
    Window w = clients.get(client);
    if (w == null || !now.isBefore(w.start().plus(window))) {
      w = new Window(now, 0);
    }
    if (w.used() >= limit) {
      clients.put(client, w);
      return false;
    }
    clients.put(client, new Window(w.start(), w.used() + 1));
    return true;
  }

  synchronized int size() {
    return clients.size();
  }
}
