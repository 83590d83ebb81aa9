package dev.tributary.poll;

import dev.tributary.store.WriteProbe;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.time.Instant;
import java.time.InstantSource;
import java.util.Optional;
import org.jboss.logging.Logger;

/**
 * Watches that the database takes writes (disk full, read-only data directory): readiness goes
 * DOWN with the reason, /api/status and /admin show it, the log says so once per change, and it
 * comes back by itself when a probe write succeeds again.
 */
@ApplicationScoped
@Named("writeHealth")
public class WriteHealth {
  private static final Logger LOG = Logger.getLogger(WriteHealth.class);

  /** The current failure, or null when writes work. */
  public record Failure(String reason, Instant since) {}

  @Inject WriteProbe probe;
  @Inject InstantSource clock;

  private volatile Failure failure;

  @Scheduled(every = "${tributary.store.write-check:10s}", delayed = "5s", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
  void scheduled() {
    check();
  }

  /** Probes once and records the outcome; returns the failure, if any. */
  public Optional<Failure> check() {
    Optional<String> error = probe.probe();
    Failure before = failure;
    if (error.isPresent() && before == null) {
      failure = new Failure(error.get(), clock.instant());
      LOG.errorf("database writes failing, readiness DOWN: reason=%s", error.get());
    } else if (error.isEmpty() && before != null) {
      failure = null;
      LOG.infof("database writes work again after failing since %s", before.since());
    }
    return Optional.ofNullable(failure);
  }

  public Optional<Failure> failure() {
    return Optional.ofNullable(failure);
  }

  /** For pages ({@code inject:writeHealth.reason}): the failure's reason, null when writes work. */
  public String getReason() {
    Failure f = failure;
    return f == null ? null : f.reason() + " (since " + f.since() + ")";
  }
}
