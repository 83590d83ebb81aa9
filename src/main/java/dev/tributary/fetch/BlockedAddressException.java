package dev.tributary.fetch;

import java.net.UnknownHostException;

/**
 * Thrown from inside the HTTP client's resolver when the SSRF guard refuses every address of a
 * host; an UnknownHostException so the client gives up on the host without trying to connect.
 */
final class BlockedAddressException extends UnknownHostException {
  BlockedAddressException(String message) {
    super(message);
  }
}
