package dev.tributary.fetch;

import java.io.IOException;

/** The body passed the cap; reading stopped there. */
final class BodyTooLargeException extends IOException {
  BodyTooLargeException(String message) {
    super(message);
  }
}
