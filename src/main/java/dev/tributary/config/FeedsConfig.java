package dev.tributary.config;

import java.time.Duration;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/** A validated feeds.yaml. */
public record FeedsConfig(List<SourceConfig> sources, List<ChannelConfig> channels, Duration defaultInterval) {
  public FeedsConfig {
    sources = List.copyOf(sources);
    channels = List.copyOf(channels);
  }

  public Optional<SourceConfig> source(String id) {
    return sources.stream().filter(s -> s.id().equals(id)).findFirst();
  }

  public Optional<ChannelConfig> channel(String id) {
    return channels.stream().filter(c -> c.id().equals(id)).findFirst();
  }

  /** The ids of the sources a channel draws on, in feeds.yaml order. */
  public Set<String> sourceIdsOf(ChannelConfig channel) {
    Set<String> ids = new LinkedHashSet<>();
    for (SourceConfig s : sources) {
      if (channel.sources().contains(s.id()) || s.tags().stream().anyMatch(channel.tags()::contains)) {
        ids.add(s.id());
      }
    }
    return ids;
  }

  /**
   * The channel holding most of a story's reports, given each report's source (the first such
   * channel in feeds.yaml order on a tie); empty when no channel holds any.
   */
  public Optional<ChannelConfig> mainChannel(List<String> reportSources) {
    ChannelConfig main = null;
    long most = 0;
    for (ChannelConfig c : channels) {
      Set<String> ids = sourceIdsOf(c);
      long held = reportSources.stream().filter(ids::contains).count();
      if (held > most) {
        most = held;
        main = c;
      }
    }
    return Optional.ofNullable(main);
  }
}
