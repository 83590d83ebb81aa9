package dev.tributary.publish;

import com.rometools.opml.feed.opml.Attribute;
import com.rometools.opml.feed.opml.Opml;
import com.rometools.opml.feed.opml.Outline;
import java.util.ArrayList;
import java.util.List;

/** OPML 2.0 through rome-opml: a flat list of feeds a reader can subscribe to in one step. */
public final class OpmlWriter {
  private OpmlWriter() {}

  public static byte[] write(String title, List<OpmlOutline> feeds) {
    Opml opml = new Opml();
    opml.setFeedType("opml_2.0");
    opml.setEncoding("UTF-8");
    opml.setTitle(XmlText.clean(title));
    opml.setOutlines(new ArrayList<>(feeds.stream().map(OpmlWriter::outline).toList()));
    return RomeXml.write(opml, "opml");
  }

  private static Outline outline(OpmlOutline feed) {
    Outline o = new Outline("rss", XmlText.clean(feed.title()));
    o.setTitle(XmlText.clean(feed.title()));
    List<Attribute> attributes = new ArrayList<>();
    attributes.add(new Attribute("xmlUrl", XmlText.clean(feed.xmlUrl())));
    if (feed.htmlUrl() != null) {
      attributes.add(new Attribute("htmlUrl", XmlText.clean(feed.htmlUrl())));
    }
    o.setAttributes(attributes);
    return o;
  }
}
