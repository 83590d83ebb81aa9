package dev.tributary.config;

import java.time.Duration;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A validated feeds.yaml. Sources are also kept by id: every poll looks its source up, and a scan
 * of 10,000 sources per poll cost more than parsing the feed.
 */
public final class FeedsConfig {
  private final List<SourceConfig> sources;
  private final List<ChannelConfig> channels;
  private final Duration defaultInterval;
  private final Map<String, SourceConfig> sourcesById;
  private final Map<ChannelConfig, Set<String>> sourceIdsByChannel = new ConcurrentHashMap<>();

  public FeedsConfig(List<SourceConfig> sources, List<ChannelConfig> channels, Duration defaultInterval) {
    this.sources = List.copyOf(sources);
    this.channels = List.copyOf(channels);
    this.defaultInterval = defaultInterval;
    Map<String, SourceConfig> byId = new HashMap<>(this.sources.size() * 2);
    for (SourceConfig s : this.sources) {
      byId.putIfAbsent(s.id(), s); // the first of a repeated id, as a scan in order would find
    }
    this.sourcesById = byId;
  }

  public List<SourceConfig> sources() {
    return sources;
  }

  public List<ChannelConfig> channels() {
    return channels;
  }

  public Duration defaultInterval() {
    return defaultInterval;
  }

  public Optional<SourceConfig> source(String id) {
    return Optional.ofNullable(sourcesById.get(id));
  }

  public Optional<ChannelConfig> channel(String id) {
    return channels.stream().filter(c -> c.id().equals(id)).findFirst();
  }

  /**
   * The ids of the sources a channel draws on, in feeds.yaml order (unmodifiable). Worked out once
   * per channel: a story's own page asks for every channel's, a regrouping for every story it moved.
   */
  public Set<String> sourceIdsOf(ChannelConfig channel) {
    return sourceIdsByChannel.computeIfAbsent(channel, c -> {
      Set<String> ids = new LinkedHashSet<>();
      for (SourceConfig s : sources) {
        if (c.sources().contains(s.id()) || s.tags().stream().anyMatch(c.tags()::contains)) {
          ids.add(s.id());
        }
      }
      return Collections.unmodifiableSet(ids);
    });
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

  @Override
  public boolean equals(Object o) {
    return o instanceof FeedsConfig c && sources.equals(c.sources) && channels.equals(c.channels)
        && Objects.equals(defaultInterval, c.defaultInterval);
  }

  @Override
  public int hashCode() {
    return Objects.hash(sources, channels, defaultInterval);
  }

  @Override
  public String toString() {
    return "FeedsConfig[sources=" + sources.size() + ", channels=" + channels.size() + ", defaultInterval="
        + defaultInterval + "]";
  }
}
