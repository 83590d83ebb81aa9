package dev.tributary.publish;

/**
 * The content codings a merged feed is stored in. Each is a different representation (RFC 9110
 * 8.4), so each has its own strong ETag: the identity tag with a suffix naming the coding.
 */
public enum ContentCoding {
  IDENTITY(null, ""),
  GZIP("gzip", "-gzip"),
  BROTLI("br", "-br");

  private final String token;
  private final String etagSuffix;

  ContentCoding(String token, String etagSuffix) {
    this.token = token;
    this.etagSuffix = etagSuffix;
  }

  /** The Content-Encoding value, null for identity (no header is sent). */
  public String token() {
    return token;
  }

  /** {@code "abc"} becomes {@code "abc-gzip"}: the tag stays strong and stays a function of the content. */
  String tagFor(String identityEtag) {
    return etagSuffix.isEmpty() ? identityEtag
        : identityEtag.substring(0, identityEtag.length() - 1) + etagSuffix + "\"";
  }
}
