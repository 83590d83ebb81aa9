package dev.tributary.config;

import io.quarkus.runtime.StartupEvent;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;
import java.time.InstantSource;
import java.util.concurrent.atomic.AtomicReference;
import org.jboss.logging.Logger;

/**
 * Holds the feeds.yaml in force. Loads it at start-up (a broken file stops the start), then
 * reloads it when it changes; a broken reload keeps the last good file and records the error.
 */
@ApplicationScoped
public class FeedsRegistry {
  private static final Logger LOG = Logger.getLogger(FeedsRegistry.class);

  /** The state in force, replaced as a whole so readers never see half a reload. */
  public record State(FeedsConfig config, String file, String text, Instant loadedAt, String lastError, Instant lastErrorAt) {}

  @Inject TributarySettings settings;
  @Inject InstantSource clock;
  @Inject Event<FeedsConfig> changes;

  private final AtomicReference<State> state = new AtomicReference<>();

  void onStart(@Observes @Priority(10) StartupEvent event) {
    Path path = path();
    String text;
    try {
      text = FeedsConfigParser.read(path);
    } catch (IOException e) {
      throw new IllegalStateException("cannot read feeds file " + path.toAbsolutePath() + ": " + e.getMessage(), e);
    }
    LoadResult result = FeedsConfigParser.parse(path.toString(), text);
    if (result instanceof LoadResult.Invalid invalid) {
      LOG.errorf("feeds file refused, not starting:%n%s", invalid.describe());
      throw new IllegalStateException("invalid feeds file:\n" + invalid.describe());
    }
    FeedsConfig config = ((LoadResult.Loaded) result).config();
    state.set(new State(config, path.toString(), text, clock.instant(), null, null));
    LOG.infof("feeds loaded file=%s sources=%d channels=%d", path, config.sources().size(), config.channels().size());
    changes.fire(config);
  }

  public FeedsConfig config() {
    return state.get().config();
  }

  public State state() {
    return state.get();
  }

  /** Re-reads the file if its content changed. Returns the error text when it was refused. */
  public synchronized String reloadIfChanged() {
    State current = state.get();
    if (current == null) {
      return null; // the scheduler runs before start-up has loaded the file (a slow start): that load comes first
    }
    Path path = path();
    String text;
    try {
      text = FeedsConfigParser.read(path);
    } catch (IOException e) {
      return recordError(current, path + ": cannot read: " + e.getMessage());
    }
    if (text.equals(current.text())) {
      return current.lastError();
    }
    LoadResult result = FeedsConfigParser.parse(path.toString(), text);
    if (result instanceof LoadResult.Invalid invalid) {
      // Remember the refused text too, so the same broken file is reported once, not every tick.
      String message = invalid.describe();
      LOG.errorf("feeds file refused, keeping the last good one:%n%s", message);
      state.set(new State(current.config(), current.file(), text, current.loadedAt(), message, clock.instant()));
      return message;
    }
    FeedsConfig config = ((LoadResult.Loaded) result).config();
    state.set(new State(config, path.toString(), text, clock.instant(), null, null));
    LOG.infof("feeds reloaded file=%s sources=%d channels=%d", path, config.sources().size(), config.channels().size());
    changes.fire(config);
    return null;
  }

  private String recordError(State current, String message) {
    if (!message.equals(current.lastError())) {
      LOG.errorf("feeds reload failed: %s", message);
      state.set(new State(current.config(), current.file(), current.text(), current.loadedAt(), message, clock.instant()));
    }
    return message;
  }

  private Path path() {
    return Path.of(settings.feeds());
  }
}
