package dev.tributary.publish;

import java.util.List;

/**
 * One feed in an OPML list, Rome-free: its title (may be null), feed and page URLs, and the titles
 * of the folders it sits in, outermost first.
 */
public record OpmlOutline(String title, String xmlUrl, String htmlUrl, List<String> folders) {
  public OpmlOutline {
    folders = List.copyOf(folders);
  }
}
