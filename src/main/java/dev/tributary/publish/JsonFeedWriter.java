package dev.tributary.publish;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.tributary.sanitize.SafeText;
import dev.tributary.sanitize.SafeUrl;
import dev.tributary.store.ReportView;
import dev.tributary.store.StoryView;

/** JSON Feed 1.1, one item per story, with the {@code _tributary} extension listing every report. */
final class JsonFeedWriter {
  private static final ObjectMapper JSON = new ObjectMapper();

  private JsonFeedWriter() {}

  static byte[] write(ChannelFeed feed) {
    ObjectNode root = JSON.createObjectNode();
    root.put("version", "https://jsonfeed.org/version/1.1");
    root.put("title", feed.title());
    root.put("home_page_url", feed.homeUrl());
    root.put("feed_url", feed.feedUrl("json"));
    if (feed.description() != null) {
      root.put("description", feed.description());
    }
    if (feed.language() != null) {
      root.put("language", feed.language());
    }
    ArrayNode items = root.putArray("items");
    for (ShownStory story : feed.shown()) {
      items.add(item(story));
    }
    try {
      return JSON.writeValueAsBytes(root);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("writing JSON Feed for channel " + feed.channelId(), e);
    }
  }

  /** The id stays the story's; {@code date_modified} is when its current edition opened, {@code _tributary.edition} its number. */
  private static ObjectNode item(ShownStory shown) {
    StoryView story = shown.view();
    ObjectNode item = JSON.createObjectNode();
    item.put("id", ChannelFeed.storyId(story));
    String link = SafeUrl.http(story.link());
    if (link != null) {
      item.put("url", link);
    }
    item.put("title", StoryHtml.title(story.title()));
    item.put("content_html", StoryHtml.render(shown));
    Thumbnails.imageOf(story).ifPresent(image -> item.put("image", image));
    item.put("date_published", FeedDates.iso(story.published()));
    item.put("date_modified", FeedDates.iso(shown.editionAt()));
    ArrayNode authors = item.putArray("authors");
    story.items().stream().map(r -> SafeText.title(r.sourceTitle())).distinct().forEach(name -> authors.addObject().put("name", name));
    ObjectNode ext = item.putObject("_tributary");
    ext.put("story_id", story.publicId());
    ext.put("edition", shown.edition());
    ArrayNode reports = ext.putArray("items");
    for (ReportView r : story.items()) {
      ObjectNode o = reports.addObject();
      o.put("source", r.sourceId());
      o.put("url", SafeUrl.http(r.url()));
      o.put("title", SafeText.title(r.title()));
      o.put("published", r.published() == null ? null : FeedDates.iso(r.published()));
      o.put("language", r.language());
    }
    return item;
  }

}
