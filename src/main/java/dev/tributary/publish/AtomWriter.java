package dev.tributary.publish;

import com.rometools.rome.feed.atom.Content;
import com.rometools.rome.feed.atom.Entry;
import com.rometools.rome.feed.atom.Feed;
import com.rometools.rome.feed.atom.Generator;
import com.rometools.rome.feed.atom.Link;
import com.rometools.rome.feed.atom.Person;
import com.rometools.rome.feed.synd.SyndPerson;
import dev.tributary.sanitize.SafeText;
import dev.tributary.sanitize.SafeUrl;
import dev.tributary.store.ReportView;
import dev.tributary.store.StoryView;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;

/**
 * Atom 1.0 through Rome, one {@code <entry>} per story, with a {@code rel="related"} link per
 * report, a contributor per source and a Media RSS thumbnail when a report gave a picture.
 */
final class AtomWriter {
  private AtomWriter() {}

  static byte[] write(ChannelFeed feed) {
    Feed atom = new Feed("atom_1.0");
    atom.setEncoding("UTF-8");
    atom.setId("tag:tributary,2026:channel:" + XmlText.clean(feed.channelId()));
    atom.setTitleEx(text(Content.TEXT, feed.title()));
    if (feed.description() != null) {
      atom.setSubtitle(text(Content.TEXT, feed.description()));
    }
    atom.setUpdated(Date.from(feed.updated()));
    atom.setOtherLinks(new ArrayList<>(List.of(link("self", feed.feedUrl("atom"), "application/atom+xml", null))));
    atom.setAlternateLinks(new ArrayList<>(List.of(link("alternate", feed.homeUrl(), "text/html", null))));
    atom.setAuthors(new ArrayList<>(List.of(person("Tributary"))));
    Generator generator = new Generator();
    generator.setValue("Tributary");
    atom.setGenerator(generator);
    if (feed.language() != null) {
      atom.setLanguage(feed.language());
    }
    atom.setEntries(feed.shown().stream().map(AtomWriter::entry).toList());
    return RomeXml.write(atom, feed.channelId());
  }

  /** The id stays the story's; {@code updated} is when its current edition opened (a significant change, in Atom's terms). */
  private static Entry entry(ShownStory shown) {
    StoryView story = shown.view();
    Entry entry = new Entry();
    entry.setId(ChannelFeed.storyId(story));
    entry.setTitleEx(text(Content.TEXT, StoryText.title(story)));
    entry.setUpdated(Date.from(shown.editionAt()));
    entry.setPublished(Date.from(story.published()));
    List<Link> alternate = new ArrayList<>();
    if (StoryText.link(story) != null) {
      alternate.add(link("alternate", StoryText.link(story), "text/html", null));
    }
    entry.setAlternateLinks(alternate);
    List<Link> related = new ArrayList<>();
    for (ReportView r : story.items()) {
      String url = SafeUrl.http(r.url());
      if (url != null) {
        related.add(link("related", url, "text/html", SafeText.title(r.sourceTitle()) + ": " + (r.title() == null ? "" : SafeText.title(r.title()))));
      }
    }
    entry.setOtherLinks(related);
    entry.setContributors(new ArrayList<>(StoryText.sources(story).stream().map(AtomWriter::person).toList()));
    entry.setContents(new ArrayList<>(List.of(text(Content.HTML, StoryHtml.render(shown)))));
    Thumbnails.of(story).ifPresent(media -> entry.setModules(new ArrayList<>(List.of(media))));
    return entry;
  }

  private static Content text(String type, String value) {
    Content c = new Content();
    c.setType(type);
    c.setValue(XmlText.clean(value));
    return c;
  }

  private static Link link(String rel, String href, String type, String title) {
    Link link = new Link();
    link.setRel(rel);
    link.setHref(XmlText.clean(href));
    link.setType(type);
    link.setTitle(XmlText.orNull(title));
    return link;
  }

  private static SyndPerson person(String name) {
    Person p = new Person();
    p.setName(XmlText.clean(name));
    return p;
  }
}
