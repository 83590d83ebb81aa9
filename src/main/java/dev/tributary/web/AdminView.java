package dev.tributary.web;

import dev.tributary.config.FeedsConfig;
import dev.tributary.config.SourceConfig;
import dev.tributary.fetch.HostLimiter;
import dev.tributary.store.SourceHealth;
import java.net.URI;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;
import java.util.function.Function;

/**
 * The admin table: each configured source with its state, failing ones first then by name,
 * filtered by state and tag, with the counts the summary shows. Removed sources leave the table
 * and are only counted.
 */
record AdminView(List<Row> rows, Map<State, Integer> counts, int removed, List<String> tags, String stateFilter,
    String tagFilter) {

  enum State {
    FAILING, PARKED, PAUSED, OK, NEW;

    String label() {
      return name().toLowerCase(Locale.ROOT);
    }
  }

  /** One source: its health, its state, its tags and the pause of its host (host and port), if any. */
  record Row(SourceHealth health, State state, List<String> tags, String hostKey, Instant pausedUntil) {
    public String stateLabel() {
      return state.label();
    }

    public String tagList() {
      return String.join(", ", tags);
    }

    public boolean failing() {
      return state == State.FAILING || state == State.PARKED;
    }
  }

  static AdminView of(List<SourceHealth> all, FeedsConfig config, Function<String, Optional<Instant>> pausedUntil,
      String stateFilter, String tagFilter) {
    List<Row> rows = new ArrayList<>();
    Map<State, Integer> counts = new EnumMap<>(State.class);
    for (State s : State.values()) counts.put(s, 0);
    int removed = 0;
    TreeSet<String> tags = new TreeSet<>();
    for (SourceHealth h : all) {
      if (!h.active()) {
        removed++;
        continue;
      }
      List<String> sourceTags = config.source(h.id()).map(SourceConfig::tags).orElse(List.of());
      tags.addAll(sourceTags);
      String key = hostKey(h.url());
      Instant paused = key == null ? null : pausedUntil.apply(key).orElse(null);
      State state = h.parkedReason() != null ? State.PARKED
          : paused != null ? State.PAUSED
          : h.consecutiveFailures() > 0 ? State.FAILING
          : h.lastSuccess() != null ? State.OK : State.NEW;
      counts.merge(state, 1, Integer::sum);
      Row row = new Row(h, state, sourceTags, key, paused);
      boolean stateMatches = stateFilter == null || stateFilter.isBlank() || state.label().equals(stateFilter);
      boolean tagMatches = tagFilter == null || tagFilter.isBlank() || sourceTags.contains(tagFilter);
      if (stateMatches && tagMatches) rows.add(row);
    }
    rows.sort(Comparator.comparing((Row r) -> !(r.failing() || r.state() == State.PAUSED))
        .thenComparing(r -> r.health().id()));
    return new AdminView(rows, counts, removed, List.copyOf(tags), stateFilter == null ? "" : stateFilter,
        tagFilter == null ? "" : tagFilter);
  }

  static String hostKey(String url) {
    try {
      URI uri = URI.create(url);
      return uri.getHost() == null ? null : HostLimiter.hostKey(uri);
    } catch (IllegalArgumentException e) {
      return null;
    }
  }

  public int count(String state) {
    return counts.get(State.valueOf(state.toUpperCase(Locale.ROOT)));
  }

  public List<String> states() {
    return Arrays.stream(State.values()).map(State::label).toList();
  }
}
