package dev.tributary.fetch;

import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The SSRF guard: says whether an address is one a feed may live at. Refuses loopback, private,
 * shared (CGNAT), link-local (which holds cloud metadata at 169.254.169.254), multicast,
 * unspecified, reserved and documentation ranges, IPv6 forms that embed such an IPv4 address, and
 * the IPv6 ranges that translate to addresses we cannot judge (IPv4-translated ::ffff:0:0:0/96,
 * local-use NAT64 64:ff9b:1::/48: the translator decides where they lead). IPv4-mapped
 * ::ffff:0:0/96 is judged by the IPv4 address it maps.
 */
public final class AddressGuard {

  private record Range(byte[] prefix, int bits, String label) {
    boolean contains(byte[] addr) {
      if (addr.length != prefix.length) return false;
      int full = bits / 8;
      for (int i = 0; i < full; i++) if (addr[i] != prefix[i]) return false;
      int rest = bits % 8;
      if (rest == 0) return true;
      int mask = (0xff << (8 - rest)) & 0xff;
      return (addr[full] & mask) == (prefix[full] & mask);
    }
  }

  private static final List<Range> BLOCKED = List.of(
      range("0.0.0.0", 8, "unspecified / this network"),
      range("10.0.0.0", 8, "private"),
      range("100.64.0.0", 10, "shared (CGNAT)"),
      range("127.0.0.0", 8, "loopback"),
      range("169.254.0.0", 16, "link-local (cloud metadata)"),
      range("172.16.0.0", 12, "private"),
      range("192.0.0.0", 24, "IETF protocol assignments"),
      range("192.0.2.0", 24, "documentation"),
      range("192.168.0.0", 16, "private"),
      range("198.18.0.0", 15, "benchmarking"),
      range("198.51.100.0", 24, "documentation"),
      range("203.0.113.0", 24, "documentation"),
      range("224.0.0.0", 4, "multicast"),
      range("240.0.0.0", 4, "reserved / broadcast"),
      range("::", 128, "unspecified"),
      range("::1", 128, "loopback"),
      range("100::", 64, "discard"),
      range("::ffff:0:0:0", 96, "IPv4-translated (SIIT)"),
      range("64:ff9b:1::", 48, "local-use NAT64"),
      range("2001:db8::", 32, "documentation"),
      range("fc00::", 7, "private (unique local)"),
      range("fe80::", 10, "link-local"),
      range("fec0::", 10, "site-local"),
      range("ff00::", 8, "multicast"));

  private final boolean allowPrivate;
  private final Set<InetAddress> exempt;

  private AddressGuard(boolean allowPrivate, Set<InetAddress> exempt) {
    this.allowPrivate = allowPrivate;
    this.exempt = exempt;
  }

  public static AddressGuard forSettings(FetchSettings settings) {
    return new AddressGuard(settings.allowPrivateNetworks(), Set.of());
  }

  /** Guard on, refusing every non-public address. */
  public static AddressGuard strict() {
    return new AddressGuard(false, Set.of());
  }

  /** Guard off: everything is allowed. */
  public static AddressGuard allowAll() {
    return new AddressGuard(true, Set.of());
  }

  /** A copy that lets these exact addresses through (an operator's allow-list; tests). */
  public AddressGuard exempting(InetAddress... addresses) {
    return new AddressGuard(allowPrivate, Set.of(addresses));
  }

  public boolean enabled() {
    return !allowPrivate;
  }

  /** Why the address is refused, or empty when it may be connected to. */
  public Optional<String> refusal(InetAddress address) {
    if (allowPrivate || exempt.contains(address)) return Optional.empty();
    return classify(address.getAddress());
  }

  private static Optional<String> classify(byte[] addr) {
    if (addr.length == 16) {
      byte[] embedded = embeddedIpv4(addr);
      if (embedded != null) {
        return classify(embedded).map(why -> why + ", embedded in IPv6");
      }
    }
    for (Range r : BLOCKED) {
      if (r.contains(addr)) return Optional.of(r.label());
    }
    return Optional.empty();
  }

  /** IPv4-mapped (::ffff:a.b.c.d), IPv4-compatible (::a.b.c.d), NAT64 (64:ff9b::/96), 6to4 (2002::/16). */
  private static byte[] embeddedIpv4(byte[] a) {
    boolean firstTenZero = true;
    for (int i = 0; i < 10; i++) firstTenZero &= a[i] == 0;
    boolean mapped = firstTenZero && (a[10] & 0xff) == 0xff && (a[11] & 0xff) == 0xff;
    boolean compatible = firstTenZero && a[10] == 0 && a[11] == 0
        && !(a[12] == 0 && a[13] == 0 && a[14] == 0 && (a[15] == 0 || a[15] == 1));
    if (mapped || compatible) return new byte[] {a[12], a[13], a[14], a[15]};
    boolean nat64 = (a[0] & 0xff) == 0x00 && (a[1] & 0xff) == 0x64 && (a[2] & 0xff) == 0xff
        && (a[3] & 0xff) == 0x9b;
    if (nat64) {
      for (int i = 4; i < 12; i++) if (a[i] != 0) return null;
      return new byte[] {a[12], a[13], a[14], a[15]};
    }
    if ((a[0] & 0xff) == 0x20 && (a[1] & 0xff) == 0x02) return new byte[] {a[2], a[3], a[4], a[5]};
    return null;
  }

  private static Range range(String literal, int bits, String label) {
    try {
      // literals only: getByName does no lookup for them
      InetAddress a = InetAddress.getByName(literal);
      byte[] bytes = a instanceof Inet6Address || a instanceof Inet4Address ? a.getAddress() : null;
      return new Range(bytes, bits, label);
    } catch (UnknownHostException e) {
      throw new IllegalStateException("bad range literal " + literal, e);
    }
  }
}
