package dev.tributary.poll;

import dev.tributary.store.FetchRecord;
import dev.tributary.store.SourceState;
import java.util.Locale;
import java.util.Optional;

/**
 * A source's health moving from one state to another: what an operator reading the log needs to
 * see once, not on every poll (a source failing for a day is one line, not hundreds).
 */
public enum HealthChange {
  FAILING, RECOVERED, PARKED;

  /** The change one stored poll outcome makes, if any. */
  public static Optional<HealthChange> between(SourceState before, FetchRecord after) {
    if (after.next().parkedReason() != null) {
      return before.schedule().parkedReason() == null ? Optional.of(PARKED) : Optional.empty();
    }
    boolean wasFailing = before.schedule().failures() > 0 || before.schedule().parkedReason() != null;
    if (after.error() == null) {
      return wasFailing ? Optional.of(RECOVERED) : Optional.empty();
    }
    return wasFailing ? Optional.empty() : Optional.of(FAILING);
  }

  public String label() {
    return name().toLowerCase(Locale.ROOT);
  }
}
