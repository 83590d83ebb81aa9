package dev.tributary.store;

/** What a conditional GET sends back to the publisher: its ETag and Last-Modified, either may be null. */
public record Validators(String etag, String lastModified) {
  public static final Validators NONE = new Validators(null, null);

  public boolean isEmpty() {
    return etag == null && lastModified == null;
  }
}
