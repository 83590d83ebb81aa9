package dev.tributary.config;

import java.util.List;

/** A feed from a subscription list, before it becomes a source: title may be null. */
public record ImportedFeed(String title, String url, List<String> folders) {
  public ImportedFeed {
    folders = List.copyOf(folders);
  }
}
