package dev.tributary.web;

import dev.tributary.config.TributarySettings;
import dev.tributary.fetch.ClientRateLimiter;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.InstantSource;
import java.util.Optional;

/**
 * Wrong admin tokens per client address in fixed one-minute windows. A client over the budget is
 * refused before its token is even compared, until its window ends. The table is the preview
 * limiter's bounded one, so rotating addresses never grows memory.
 */
@ApplicationScoped
public class FailedLogins {
  private final ClientRateLimiter failures;

  @Inject
  FailedLogins(TributarySettings settings, InstantSource clock) {
    this(settings.admin().failedLoginsPerMinute(), clock);
  }

  FailedLogins(int limit, InstantSource clock) {
    this.failures = new ClientRateLimiter(limit, Duration.ofMinutes(1), clock);
  }

  /** How long the client must wait before trying again, or empty when it may try now. */
  public Optional<Duration> refusedFor(String client) {
    return failures.exhaustedFor(client);
  }

  /** Counts one wrong token from the client. */
  public void failed(String client) {
    failures.count(client);
  }
}
