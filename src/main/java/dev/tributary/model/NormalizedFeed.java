package dev.tributary.model;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;

/** A parsed feed: how it was read ({@link Meta}), the feed-level fields and its entries. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record NormalizedFeed(Meta meta, FeedInfo feed, List<Entry> entries) {
  public NormalizedFeed {
    entries = entries == null ? List.of() : List.copyOf(entries);
  }
}
