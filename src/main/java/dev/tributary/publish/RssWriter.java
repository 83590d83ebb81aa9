package dev.tributary.publish;

import dev.tributary.sanitize.SafeText;
import dev.tributary.sanitize.SafeUrl;
import dev.tributary.store.ReportView;
import dev.tributary.store.StoryView;
import java.io.ByteArrayOutputStream;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;

/** RSS 2.0, one {@code <item>} per story, its guid the story's stable id. */
final class RssWriter {
  private static final String ATOM_NS = "http://www.w3.org/2005/Atom";
  private static final String DC_NS = "http://purl.org/dc/elements/1.1/";
  private static final XMLOutputFactory FACTORY = XMLOutputFactory.newFactory();

  private RssWriter() {}

  static byte[] write(ChannelFeed feed) {
    ByteArrayOutputStream out = new ByteArrayOutputStream(16 * 1024);
    try {
      XMLStreamWriter w = FACTORY.createXMLStreamWriter(out, "UTF-8");
      w.writeStartDocument("UTF-8", "1.0");
      w.writeStartElement("rss");
      w.writeAttribute("version", "2.0");
      w.writeNamespace("atom", ATOM_NS);
      w.writeNamespace("dc", DC_NS);
      w.writeStartElement("channel");
      text(w, "title", feed.title());
      text(w, "link", feed.homeUrl());
      text(w, "description", feed.description() == null ? feed.title() : feed.description());
      w.writeEmptyElement("atom", "link", ATOM_NS);
      w.writeAttribute("href", feed.feedUrl("rss"));
      w.writeAttribute("rel", "self");
      w.writeAttribute("type", "application/rss+xml");
      text(w, "lastBuildDate", rfc1123(feed.updated()));
      text(w, "generator", "Tributary");
      for (StoryView story : feed.stories()) {
        item(w, story);
      }
      w.writeEndElement();
      w.writeEndElement();
      w.writeEndDocument();
      w.close();
    } catch (XMLStreamException e) {
      throw new IllegalStateException("writing RSS for channel " + feed.channelId(), e);
    }
    return out.toByteArray();
  }

  private static void item(XMLStreamWriter w, StoryView story) throws XMLStreamException {
    w.writeStartElement("item");
    text(w, "title", StoryHtml.title(story.title()));
    String link = SafeUrl.http(story.link());
    if (link != null) {
      text(w, "link", link);
    }
    w.writeStartElement("guid");
    w.writeAttribute("isPermaLink", "false");
    w.writeCharacters(ChannelFeed.storyId(story));
    w.writeEndElement();
    text(w, "pubDate", rfc1123(story.published()));
    text(w, "description", StoryHtml.render(story));
    for (String source : story.items().stream().map(r -> SafeText.title(r.sourceTitle())).distinct().toList()) {
      text(w, "dc", DC_NS, "creator", source);
    }
    w.writeEndElement();
  }

  private static void text(XMLStreamWriter w, String name, String value) throws XMLStreamException {
    w.writeStartElement(name);
    w.writeCharacters(XmlText.clean(value));
    w.writeEndElement();
  }

  private static void text(XMLStreamWriter w, String prefix, String ns, String name, String value) throws XMLStreamException {
    w.writeStartElement(prefix, name, ns);
    w.writeCharacters(XmlText.clean(value));
    w.writeEndElement();
  }

  static String rfc1123(Instant t) {
    return DateTimeFormatter.RFC_1123_DATE_TIME.format(t.atOffset(ZoneOffset.UTC));
  }
}
