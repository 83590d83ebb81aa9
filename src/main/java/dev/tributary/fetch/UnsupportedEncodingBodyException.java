package dev.tributary.fetch;

import java.io.IOException;

/** A Content-Encoding we did not ask for and cannot decode. */
final class UnsupportedEncodingBodyException extends IOException {
  UnsupportedEncodingBodyException(String message) {
    super(message);
  }
}
