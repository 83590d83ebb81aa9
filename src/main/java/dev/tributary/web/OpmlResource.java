package dev.tributary.web;

import dev.tributary.config.ChannelConfig;
import dev.tributary.config.FeedsRegistry;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.io.ByteArrayOutputStream;
import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;

/** OPML 2.0 listing every channel's merged feeds, for importing into a reader in one step. */
@Path("/feeds.opml")
public class OpmlResource {
  @Inject FeedsRegistry registry;

  @GET
  public Response opml(@Context UriInfo uri) throws XMLStreamException {
    String base = BaseUrl.of(uri);
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    XMLStreamWriter w = XMLOutputFactory.newFactory().createXMLStreamWriter(out, "UTF-8");
    w.writeStartDocument("UTF-8", "1.0");
    w.writeStartElement("opml");
    w.writeAttribute("version", "2.0");
    w.writeStartElement("head");
    w.writeStartElement("title");
    w.writeCharacters("Tributary channels");
    w.writeEndElement();
    w.writeEndElement();
    w.writeStartElement("body");
    for (ChannelConfig c : registry.config().channels()) {
      w.writeEmptyElement("outline");
      w.writeAttribute("type", "rss");
      w.writeAttribute("text", c.title());
      w.writeAttribute("title", c.title());
      w.writeAttribute("xmlUrl", base + "/feeds/" + c.id() + ".rss");
      w.writeAttribute("htmlUrl", base + "/channels/" + c.id());
    }
    w.writeEndElement();
    w.writeEndElement();
    w.writeEndDocument();
    w.close();
    return Response.ok(out.toByteArray(), "text/x-opml; charset=utf-8").build();
  }
}
