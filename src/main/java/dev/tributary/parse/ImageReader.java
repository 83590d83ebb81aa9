package dev.tributary.parse;

import static dev.tributary.parse.XmlValues.integer;
import static dev.tributary.parse.XmlValues.resolve;
import static dev.tributary.parse.XmlValues.text;

import dev.tributary.model.Image;

/** The feed's image: RSS {@code <image>}, Atom logo/icon, iTunes image. The first one wins over later fallbacks. */
final class ImageReader {
  private final TextConstruct texts;

  ImageReader(TextConstruct texts) {
    this.texts = texts;
  }

  /** Reads {@code el} when its key names an image element; false when it is something else. */
  boolean read(XElement el, String key, MappedFields f) {
    switch (key) {
      case "image" -> f.image = image(el);
      case "logo", "icon" -> {
        if (f.image == null) {
          f.image = new Image(resolve(el, text(el)), null, null, null, null, null);
        }
      }
      case "itunes:image" -> {
        if (f.image == null) {
          String href = el.attr("href") != null ? el.attr("href") : el.attr("url");
          if (href != null) {
            f.image = new Image(resolve(el, href), null, null, null, null, null);
          }
        }
      }
      default -> {
        return false;
      }
    }
    return true;
  }

  private Image image(XElement el) {
    String url = null;
    String title = null;
    String link = null;
    Integer width = null;
    Integer height = null;
    String description = null;
    for (XElement c : el.elements()) {
      switch (XmlKeys.key(c)) {
        case "url" -> url = resolve(c, text(c));
        case "title" -> title = text(c);
        case "link" -> link = resolve(c, text(c));
        case "width" -> width = integer(text(c));
        case "height" -> height = integer(text(c));
        case "description" -> description = texts.html(c, false, TextConstruct.HTML);
        default -> {
          // not part of the model
        }
      }
    }
    if (url == null) {
      String about = el.attrNs(Namespaces.RDF, "resource");
      if (about != null) {
        url = resolve(el, about);
      }
    }
    return new Image(url, title, link, width, height, description);
  }
}
