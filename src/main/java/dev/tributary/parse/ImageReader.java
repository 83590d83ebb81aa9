package dev.tributary.parse;

import static dev.tributary.parse.XmlValues.integer;
import static dev.tributary.parse.XmlValues.resolve;
import static dev.tributary.parse.XmlValues.text;

import dev.tributary.model.Image;
import java.util.Locale;

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
      case "itunes:image", "media:thumbnail" -> {
        if (f.image == null) {
          f.image = attributeImage(el);
        }
      }
      default -> {
        return false;
      }
    }
    return true;
  }

  /**
   * Reads {@code el} when it offers the entry a picture, keeping the most telling one: a Media RSS
   * thumbnail (0), an iTunes image (1), Media RSS content that is an image (2); an image enclosure
   * (3) is considered by {@link #entryImage}. False when {@code el} is something else.
   */
  boolean readForEntry(XElement el, String key, MappedFields f) {
    switch (key) {
      case "media:thumbnail" -> offer(f, attributeImage(el), 0);
      case "itunes:image" -> offer(f, attributeImage(el), 1);
      case "media:content" -> {
        String medium = el.attr("medium");
        String type = el.attr("type");
        boolean picture = medium != null ? medium.strip().equalsIgnoreCase("image")
            : type != null && type.strip().toLowerCase(Locale.ROOT).startsWith("image/");
        if (picture) {
          offer(f, attributeImage(el), 2);
        }
        for (XElement child : el.elements()) {
          if (XmlKeys.key(child).equals("media:thumbnail")) {
            offer(f, attributeImage(child), 0);
          }
        }
      }
      default -> {
        return false;
      }
    }
    return true;
  }

  /** The entry's picture: the best one offered, else its first image enclosure. */
  static Image entryImage(MappedFields f) {
    if (f.image != null) {
      return f.image;
    }
    for (var enclosure : f.enclosures) {
      if (enclosure.type() != null && enclosure.type().toLowerCase(Locale.ROOT).startsWith("image/")) {
        return new Image(enclosure.url(), null, null, null, null, null);
      }
    }
    return null;
  }

  private static void offer(MappedFields f, Image image, int rank) {
    if (image != null && rank < f.imageRank) {
      f.image = image;
      f.imageRank = rank;
    }
  }

  /** An image given by attributes: {@code href} or {@code url}, with {@code width} and {@code height}. */
  private static Image attributeImage(XElement el) {
    String href = el.attr("href") != null ? el.attr("href") : el.attr("url");
    if (href == null || href.isBlank()) {
      return null;
    }
    return new Image(resolve(el, href), null, null, integer(el.attr("width")), integer(el.attr("height")), null);
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
