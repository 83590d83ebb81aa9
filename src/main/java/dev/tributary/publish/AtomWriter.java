package dev.tributary.publish;

import dev.tributary.sanitize.SafeText;
import dev.tributary.sanitize.SafeUrl;
import dev.tributary.store.ReportView;
import dev.tributary.store.StoryView;
import java.io.ByteArrayOutputStream;
import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;

/** Atom 1.0, one {@code <entry>} per story, with a {@code rel="related"} link per report. */
final class AtomWriter {
  private static final String NS = "http://www.w3.org/2005/Atom";
  private static final XMLOutputFactory FACTORY = XMLOutputFactory.newFactory();

  private AtomWriter() {}

  static byte[] write(ChannelFeed feed) {
    ByteArrayOutputStream out = new ByteArrayOutputStream(16 * 1024);
    try {
      XMLStreamWriter w = FACTORY.createXMLStreamWriter(out, "UTF-8");
      w.writeStartDocument("UTF-8", "1.0");
      w.setDefaultNamespace(NS);
      w.writeStartElement(NS, "feed");
      w.writeDefaultNamespace(NS);
      text(w, "id", "tag:tributary,2026:channel:" + feed.channelId());
      text(w, "title", feed.title());
      if (feed.description() != null) {
        text(w, "subtitle", feed.description());
      }
      text(w, "updated", FeedDates.iso(feed.updated()));
      link(w, "self", feed.feedUrl("atom"), "application/atom+xml", null);
      link(w, "alternate", feed.homeUrl(), "text/html", null);
      w.writeStartElement(NS, "author");
      text(w, "name", "Tributary");
      w.writeEndElement();
      text(w, "generator", "Tributary");
      for (StoryView story : feed.stories()) {
        entry(w, story);
      }
      w.writeEndElement();
      w.writeEndDocument();
      w.close();
    } catch (XMLStreamException e) {
      throw new IllegalStateException("writing Atom for channel " + feed.channelId(), e);
    }
    return out.toByteArray();
  }

  private static void entry(XMLStreamWriter w, StoryView story) throws XMLStreamException {
    w.writeStartElement(NS, "entry");
    text(w, "id", ChannelFeed.storyId(story));
    text(w, "title", StoryHtml.title(story.title()));
    text(w, "updated", FeedDates.iso(story.updated()));
    text(w, "published", FeedDates.iso(story.published()));
    String storyLink = SafeUrl.http(story.link());
    if (storyLink != null) {
      link(w, "alternate", storyLink, "text/html", null);
    }
    for (ReportView r : story.items()) {
      String url = SafeUrl.http(r.url());
      if (url != null) {
        link(w, "related", url, "text/html", SafeText.title(r.sourceTitle()) + ": " + (r.title() == null ? "" : SafeText.title(r.title())));
      }
    }
    for (String source : story.items().stream().map(r -> SafeText.title(r.sourceTitle())).distinct().toList()) {
      w.writeStartElement(NS, "contributor");
      text(w, "name", source);
      w.writeEndElement();
    }
    w.writeStartElement(NS, "content");
    w.writeAttribute("type", "html");
    w.writeCharacters(XmlText.clean(StoryHtml.render(story)));
    w.writeEndElement();
    w.writeEndElement();
  }

  private static void link(XMLStreamWriter w, String rel, String href, String type, String title) throws XMLStreamException {
    w.writeEmptyElement(NS, "link");
    w.writeAttribute("rel", rel);
    w.writeAttribute("href", XmlText.clean(href));
    if (type != null) {
      w.writeAttribute("type", type);
    }
    if (title != null) {
      w.writeAttribute("title", XmlText.clean(title));
    }
  }

  private static void text(XMLStreamWriter w, String name, String value) throws XMLStreamException {
    w.writeStartElement(NS, name);
    w.writeCharacters(XmlText.clean(value));
    w.writeEndElement();
  }

}
