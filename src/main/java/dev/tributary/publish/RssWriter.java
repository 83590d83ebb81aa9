package dev.tributary.publish;

import com.rometools.modules.atom.modules.AtomLinkModuleImpl;
import com.rometools.modules.content.ContentModuleImpl;
import com.rometools.rome.feed.atom.Link;
import com.rometools.rome.feed.module.DCModuleImpl;
import com.rometools.rome.feed.module.Module;
import com.rometools.rome.feed.rss.Channel;
import com.rometools.rome.feed.rss.Description;
import com.rometools.rome.feed.rss.Guid;
import com.rometools.rome.feed.rss.Item;
import dev.tributary.store.StoryView;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;

/**
 * RSS 2.0 through Rome, one {@code <item>} per story: its guid the story's id (and edition), a short
 * description, the full story in {@code content:encoded}, one {@code dc:creator} per source and a
 * Media RSS thumbnail when a report gave a picture.
 */
final class RssWriter {
  private RssWriter() {}

  static byte[] write(ChannelFeed feed) {
    Channel channel = new Channel("rss_2.0");
    channel.setEncoding("UTF-8");
    channel.setTitle(XmlText.clean(feed.title()));
    channel.setLink(XmlText.clean(feed.homeUrl()));
    channel.setDescription(XmlText.clean(feed.description() == null ? feed.title() : feed.description()));
    channel.setLastBuildDate(Date.from(feed.updated()));
    channel.setGenerator("Tributary");
    channel.setModules(new ArrayList<>(List.of(selfLink(feed))));
    if (feed.language() != null) {
      channel.setLanguage(feed.language());
    }
    channel.setItems(feed.shown().stream().map(RssWriter::item).toList());
    return RomeXml.write(channel, feed.channelId());
  }

  private static Module selfLink(ChannelFeed feed) {
    Link self = new Link();
    self.setHref(XmlText.clean(feed.feedUrl("rss")));
    self.setRel("self");
    self.setType("application/rss+xml");
    AtomLinkModuleImpl atom = new AtomLinkModuleImpl();
    atom.setLinks(List.of(self));
    return atom;
  }

  /**
   * A new edition is a new item for RSS readers (new guid, dated when the edition opened): RSS has
   * no "updated", and readers know an item by its guid (newsboat) or its guid, title and link (sfeed).
   */
  private static Item item(ShownStory shown) {
    StoryView story = shown.view();
    Item item = new Item();
    item.setTitle(XmlText.clean(StoryText.title(story)));
    item.setLink(XmlText.orNull(StoryText.link(story)));
    Guid guid = new Guid();
    guid.setPermaLink(false);
    guid.setValue(shown.editionGuid());
    item.setGuid(guid);
    item.setPubDate(Date.from(shown.editionAt()));
    Description description = new Description();
    description.setType("text/html");
    description.setValue(StoryHtml.teaser(shown));
    item.setDescription(description);

    List<Module> modules = new ArrayList<>();
    DCModuleImpl dc = new DCModuleImpl();
    dc.setCreators(StoryText.sources(story));
    modules.add(dc);
    ContentModuleImpl content = new ContentModuleImpl();
    content.setEncodeds(List.of(cdataSafe(StoryHtml.render(shown))));
    modules.add(content);
    Thumbnails.of(story).ifPresent(modules::add);
    item.setModules(modules);
    return item;
  }

  /**
   * Rome writes content:encoded as CDATA, which cannot hold "]]>". In serialized HTML a '>' may
   * always be written as "&gt;" (text and attribute values read the same), so the sequence is
   * broken that way rather than by dropping anything.
   */
  static String cdataSafe(String html) {
    return html.replace("]]>", "]]&gt;");
  }
}
