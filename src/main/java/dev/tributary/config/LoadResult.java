package dev.tributary.config;

import java.util.List;
import java.util.stream.Collectors;

/** feeds.yaml either loaded, or was refused with every error found. */
public sealed interface LoadResult permits LoadResult.Loaded, LoadResult.Invalid {
  record Loaded(FeedsConfig config) implements LoadResult {}

  record Invalid(List<ConfigError> errors) implements LoadResult {
    public Invalid {
      errors = List.copyOf(errors);
    }

    public String describe() {
      return errors.stream().map(ConfigError::toString).collect(Collectors.joining("\n"));
    }
  }
}
