package dev.tributary.fetch;

import java.net.URI;

/** One conditional GET: the validators stored from the previous response, or null. */
public record FetchRequest(URI url, String etag, String lastModified) {
  public static FetchRequest unconditional(URI url) {
    return new FetchRequest(url, null, null);
  }
}
