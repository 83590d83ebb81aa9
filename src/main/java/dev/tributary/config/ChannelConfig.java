package dev.tributary.config;

import java.util.List;

/** One merged channel: the sources it names plus every source carrying one of its tags. */
public record ChannelConfig(
    String id, String title, String description, List<String> sources, List<String> tags) {
  public ChannelConfig {
    sources = List.copyOf(sources);
    tags = List.copyOf(tags);
  }
}
