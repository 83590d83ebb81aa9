package dev.tributary.config;

import java.util.List;

/**
 * One merged channel: the sources it names plus every source carrying one of its tags.
 * {@code language} (lower case, may be null) is the language its readers read: headlines are
 * chosen in it where a report offers one.
 */
public record ChannelConfig(
    String id, String title, String description, List<String> sources, List<String> tags, String language) {
  public ChannelConfig {
    sources = List.copyOf(sources);
    tags = List.copyOf(tags);
  }

  /** A channel that declares no language. */
  public ChannelConfig(String id, String title, String description, List<String> sources, List<String> tags) {
    this(id, title, description, sources, tags, null);
  }
}
