package dev.tributary.fetch;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Locale;

/** Name to addresses; the seam tests use to point public-looking names at loopback. */
@FunctionalInterface
public interface HostResolver {
  InetAddress[] resolve(String host) throws UnknownHostException;

  /**
   * The platform resolver, except that names under {@code .invalid} fail at once (RFC 6761 asks
   * resolvers to answer them negatively without asking anyone).
   */
  static HostResolver system() {
    return host -> {
      String h = host.toLowerCase(Locale.ROOT);
      if (h.endsWith(".")) h = h.substring(0, h.length() - 1);
      if (h.equals("invalid") || h.endsWith(".invalid")) {
        throw new UnknownHostException(host + ": reserved name that never resolves");
      }
      return InetAddress.getAllByName(host);
    };
  }
}
