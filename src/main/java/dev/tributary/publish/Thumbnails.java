package dev.tributary.publish;

import com.rometools.modules.mediarss.MediaEntryModuleImpl;
import com.rometools.modules.mediarss.types.Metadata;
import com.rometools.modules.mediarss.types.Thumbnail;
import com.rometools.rome.feed.module.Module;
import dev.tributary.sanitize.SafeUrl;
import dev.tributary.store.ReportView;
import dev.tributary.store.StoryView;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.Optional;

/** A story's picture: the first of its reports (lead first) that gave one, as a Media RSS thumbnail. */
final class Thumbnails {
  private Thumbnails() {}

  static Optional<String> imageOf(StoryView story) {
    return story.items().stream().map(ReportView::imageUrl).map(SafeUrl::http).filter(u -> u != null && !u.isBlank())
        .map(XmlText::clean).filter(Thumbnails::isUri).findFirst();
  }

  static Optional<Module> of(StoryView story) {
    return imageOf(story).map(url -> {
      Metadata metadata = new Metadata();
      metadata.setThumbnail(new Thumbnail[] {new Thumbnail(URI.create(url))});
      MediaEntryModuleImpl media = new MediaEntryModuleImpl();
      media.setMetadata(metadata);
      return media;
    });
  }

  private static boolean isUri(String url) {
    try {
      new URI(url);
      return true;
    } catch (URISyntaxException e) {
      return false;
    }
  }
}
