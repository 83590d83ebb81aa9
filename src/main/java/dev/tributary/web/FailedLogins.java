package dev.tributary.web;

import dev.tributary.config.TributarySettings;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Wrong admin tokens per client address in fixed one-minute windows. A client over the budget is
 * refused before its token is even compared, until its window ends. The table is bounded (least
 * recently seen addresses go first), so rotating addresses never grows memory.
 */
@ApplicationScoped
public class FailedLogins {
  static final int MAX_CLIENTS = 10_000;
  private static final Duration WINDOW = Duration.ofMinutes(1);

  private record Window(Instant start, int failures) {}

  private final int limit;
  private final InstantSource clock;
  private final Map<String, Window> clients = new LinkedHashMap<>(64, 0.75f, true) {
    @Override
    protected boolean removeEldestEntry(Map.Entry<String, Window> eldest) {
      return size() > MAX_CLIENTS;
    }
  };

  @Inject
  FailedLogins(TributarySettings settings, InstantSource clock) {
    this(settings.admin().failedLoginsPerMinute(), clock);
  }

  FailedLogins(int limit, InstantSource clock) {
    this.limit = limit;
    this.clock = clock;
  }

  /** How long the client must wait before trying again, or empty when it may try now. */
  public synchronized Optional<Duration> refusedFor(String client) {
    Window w = current(client);
    if (w == null || w.failures() < limit) {
      return Optional.empty();
    }
    Duration left = Duration.between(clock.instant(), w.start().plus(WINDOW));
    return Optional.of(left.isNegative() || left.isZero() ? Duration.ofSeconds(1) : left);
  }

  /** Counts one wrong token from the client. */
  public synchronized void failed(String client) {
    Window w = current(client);
    clients.put(client, w == null ? new Window(clock.instant(), 1) : new Window(w.start(), w.failures() + 1));
  }

  private Window current(String client) {
    Window w = clients.get(client);
    return w == null || !clock.instant().isBefore(w.start().plus(WINDOW)) ? null : w;
  }

  synchronized int size() {
    return clients.size();
  }
}
