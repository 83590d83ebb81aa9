package dev.tributary.config;

import java.net.URI;
import java.time.Duration;
import java.util.List;

/** One source of feeds.yaml, validated. {@code title} and {@code language} may be null. */
public record SourceConfig(
    String id, URI url, String title, String language, List<String> tags, Duration interval) {
  public SourceConfig {
    tags = List.copyOf(tags);
  }
}
