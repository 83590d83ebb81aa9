package dev.tributary.publish;

import com.rometools.rome.feed.WireFeed;
import com.rometools.rome.io.FeedException;
import com.rometools.rome.io.WireFeedOutput;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import org.jdom2.output.Format;
import org.jdom2.output.XMLOutputter;

/**
 * Serializes a Rome feed as UTF-8 bytes. Rome's own string output uses JDOM's compact format,
 * which collapses runs of whitespace inside text; the raw format keeps every title as stored.
 */
final class RomeXml {
  private RomeXml() {}

  static byte[] write(WireFeed feed, String channelId) {
    ByteArrayOutputStream out = new ByteArrayOutputStream(16 * 1024);
    try {
      XMLOutputter outputter = new XMLOutputter(Format.getRawFormat().setEncoding("UTF-8"));
      outputter.output(new WireFeedOutput().outputJDom(feed), out);
    } catch (FeedException | IOException e) {
      throw new IllegalStateException("writing " + feed.getFeedType() + " for channel " + channelId, e);
    }
    return out.toByteArray();
  }
}
