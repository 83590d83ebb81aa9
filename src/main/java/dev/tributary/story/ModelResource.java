package dev.tributary.story;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Properties;

/** A model's weights as shipped: a properties resource beside the model's class, every key required. */
final class ModelResource {
  private final String kind;
  private final String resource;
  private final Properties values = new Properties();

  private ModelResource(String kind, String resource) {
    this.kind = kind;
    this.resource = resource;
  }

  /** {@code kind} names the model in errors ("pair model"); a missing resource fails at once. */
  static ModelResource load(Class<?> owner, String kind, String resource) {
    ModelResource m = new ModelResource(kind, resource);
    try (InputStream in = owner.getResourceAsStream(resource)) {
      if (in == null) {
        throw new IllegalStateException(kind + " resource missing: " + resource);
      }
      m.values.load(in);
    } catch (IOException e) {
      throw new UncheckedIOException(kind + " " + resource, e);
    }
    return m;
  }

  String text(String key) {
    String v = values.getProperty(key);
    if (v == null) {
      throw new IllegalStateException(kind + " " + resource + " lacks " + key);
    }
    return v.trim();
  }

  double number(String key) {
    return Double.parseDouble(text(key));
  }
}
