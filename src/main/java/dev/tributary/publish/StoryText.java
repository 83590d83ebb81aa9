package dev.tributary.publish;

import dev.tributary.sanitize.SafeText;
import dev.tributary.sanitize.SafeUrl;
import dev.tributary.store.StoryView;
import java.util.List;

/** The plain-text parts every merged format gives a story. */
final class StoryText {
  private StoryText() {}

  static String title(StoryView story) {
    return StoryHtml.title(story.title());
  }

  /** The story's link when it is http(s); publishers' other schemes never go out. */
  static String link(StoryView story) {
    return SafeUrl.http(story.link());
  }

  /** Each source that reported the story once, in report order. */
  static List<String> sources(StoryView story) {
    return story.items().stream().map(r -> XmlText.clean(SafeText.title(r.sourceTitle()))).distinct().toList();
  }
}
