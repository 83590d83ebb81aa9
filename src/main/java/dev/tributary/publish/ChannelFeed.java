package dev.tributary.publish;

import dev.tributary.store.StoryView;
import java.time.Instant;
import java.util.List;

/**
 * Everything a writer needs for one merged feed. {@code baseUrl} is the service's public root
 * (no trailing slash), used for self and home links; {@code language} the channel's, or null.
 */
public record ChannelFeed(String channelId, String title, String description, String language, String baseUrl,
    Instant updated, List<StoryView> stories) {

  public ChannelFeed(String channelId, String title, String description, String baseUrl, Instant updated, List<StoryView> stories) {
    this(channelId, title, description, null, baseUrl, updated, stories);
  }

  /** Each story as this channel's readers see it: headline and edition. */
  public List<ShownStory> shown() {
    return stories.stream().map(s -> ShownStory.of(s, language)).toList();
  }

  public String homeUrl() {
    return baseUrl + "/channels/" + channelId;
  }

  public String feedUrl(String extension) {
    return baseUrl + "/feeds/" + channelId + "." + extension;
  }

  public static String storyId(StoryView story) {
    return "tag:tributary,2026:story:" + story.publicId();
  }
}
