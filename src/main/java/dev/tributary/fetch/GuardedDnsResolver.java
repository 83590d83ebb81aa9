package dev.tributary.fetch;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.apache.hc.client5.http.DnsResolver;

/**
 * Resolves once, checks every answer against the guard, and hands the HTTP client only the
 * checked addresses: the client connects to exactly these, so a DNS answer that changes between
 * check and connect (rebinding) cannot slip past.
 */
final class GuardedDnsResolver implements DnsResolver {
  private final HostResolver resolver;
  private final AddressGuard guard;

  GuardedDnsResolver(HostResolver resolver, AddressGuard guard) {
    this.resolver = resolver;
    this.guard = guard;
  }

  @Override
  public InetAddress[] resolve(String host) throws UnknownHostException {
    InetAddress[] answers = resolver.resolve(host);
    if (answers == null || answers.length == 0) {
      throw new UnknownHostException(host + ": no addresses");
    }
    for (InetAddress a : answers) {
      Optional<String> why = guard.refusal(a);
      // one bad answer condemns the host: a name mixing public and private answers is a trick
      if (why.isPresent()) {
        throw new BlockedAddressException(
            host + " resolves to " + a.getHostAddress() + " (" + why.get() + "), which the SSRF guard refuses");
      }
    }
    return answers.clone();
  }

  @Override
  public List<InetSocketAddress> resolve(String host, int port) throws UnknownHostException {
    InetAddress[] addresses = resolve(host);
    List<InetSocketAddress> out = new ArrayList<>(addresses.length);
    for (InetAddress a : addresses) out.add(new InetSocketAddress(a, port));
    return out;
  }

  @Override
  public String resolveCanonicalHostname(String host) {
    // no reverse lookups: they would be one more unguarded DNS round trip
    return host;
  }
}
