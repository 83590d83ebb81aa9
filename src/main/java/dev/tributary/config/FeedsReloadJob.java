package dev.tributary.config;

import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/** Live reload: checks feeds.yaml for changes on a short period. */
@ApplicationScoped
public class FeedsReloadJob {
  @Inject FeedsRegistry registry;

  @Scheduled(every = "${tributary.feeds-reload-check:5s}", delayed = "5s",
      concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
  void check() {
    registry.reloadIfChanged();
  }
}
