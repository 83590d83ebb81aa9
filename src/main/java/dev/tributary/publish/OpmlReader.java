package dev.tributary.publish;

import com.rometools.opml.feed.opml.Opml;
import com.rometools.opml.feed.opml.Outline;
import com.rometools.rome.io.FeedException;
import com.rometools.rome.io.WireFeedInput;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.jdom2.Document;
import org.jdom2.JDOMException;

/**
 * Reads a subscription list through rome-opml into Rome-free outlines: every outline with an
 * {@code xmlUrl}, however deeply it is filed, with the folders above it. DOCTYPEs are refused
 * (Rome's secure parser setup), and at most {@link #MAX_FEEDS} feeds are read.
 */
public final class OpmlReader {
  public static final int MAX_FEEDS = 5_000;
  private static final int MAX_DEPTH = 32;

  /** What reading gave: the list's feeds, or why the bytes are not an OPML list. */
  public sealed interface Result {
    record Read(String title, List<OpmlOutline> feeds, boolean truncated) implements Result {}

    record NotOpml(String reason) implements Result {}
  }

  private OpmlReader() {}

  public static Result read(byte[] bytes) {
    Document doc;
    try {
      doc = new SecureInput().document(bytes);
    } catch (JDOMException | IOException e) {
      return new Result.NotOpml("not well-formed XML: " + e.getMessage());
    }
    if (!"opml".equals(doc.getRootElement().getName())) {
      return new Result.NotOpml("the root element is <" + doc.getRootElement().getName() + ">, not <opml>");
    }
    // Rome knows versions 1.0 and 2.0 only; readers also write 1.1 and omit it, with the same outlines.
    doc.getRootElement().setAttribute("version", "2.0");
    Opml opml;
    try {
      opml = (Opml) new WireFeedInput().build(doc);
    } catch (FeedException | IllegalArgumentException e) {
      return new Result.NotOpml("not an OPML list: " + e.getMessage());
    }
    List<OpmlOutline> feeds = new ArrayList<>();
    boolean complete = collect(opml.getOutlines(), new ArrayList<>(), feeds);
    return new Result.Read(opml.getTitle(), feeds, !complete);
  }

  /** False when the list held more feeds, or deeper folders, than are read. */
  private static boolean collect(List<Outline> outlines, List<String> folders, List<OpmlOutline> out) {
    boolean complete = true;
    for (Outline o : outlines == null ? List.<Outline>of() : outlines) {
      String name = o.getTitle() != null && !o.getTitle().isBlank() ? o.getTitle() : o.getText();
      if (o.getXmlUrl() != null && !o.getXmlUrl().isBlank()) {
        if (out.size() >= MAX_FEEDS) {
          return false;
        }
        out.add(new OpmlOutline(name, o.getXmlUrl().strip(), o.getHtmlUrl(), folders));
      } else if (o.getChildren() != null && !o.getChildren().isEmpty()) {
        if (folders.size() >= MAX_DEPTH) {
          complete = false;
          continue;
        }
        List<String> inner = new ArrayList<>(folders);
        if (name != null && !name.isBlank()) {
          inner.add(name.strip());
        }
        complete &= collect(o.getChildren(), inner, out);
      }
    }
    return complete;
  }

  /** Rome's SAX setup (no DOCTYPE, no external entities), used to get the JDOM tree first. */
  private static final class SecureInput extends WireFeedInput {
    Document document(byte[] bytes) throws JDOMException, IOException {
      return createSAXBuilder().build(new ByteArrayInputStream(bytes));
    }
  }
}
