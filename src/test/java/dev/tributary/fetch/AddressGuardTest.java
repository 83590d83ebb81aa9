package dev.tributary.fetch;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tributary.config.DefaultSettings;
import java.net.InetAddress;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class AddressGuardTest {

  @ParameterizedTest
  @ValueSource(strings = {
      "127.0.0.1", "127.255.0.9", "10.1.2.3", "172.16.0.1", "172.31.255.255", "192.168.1.1",
      "169.254.169.254", "169.254.0.1", "100.64.0.1", "100.127.255.254", "0.0.0.0", "224.0.0.1",
      "239.255.255.250", "255.255.255.255", "198.18.0.1", "::1", "::", "fe80::1", "fc00::1",
      "fd12:3456::1", "ff02::1", "::ffff:127.0.0.1", "::ffff:169.254.169.254", "::ffff:10.0.0.1",
      "::10.0.0.1", "64:ff9b::a9fe:a9fe", "2002:7f00:1::1", "2001:db8::1",
      // issue 17: IPv4-translated and local-use NAT64 ranges
      "::ffff:0:7f00:1", "::ffff:0:a9fe:a9fe", "::ffff:0:808:808", "64:ff9b:1::7f00:1", "64:ff9b:1:ffff::1",
      "0:0:0:0:0:ffff:7f00:1"})
  void refusesNonPublicAddresses(String literal) throws Exception {
    assertThat(AddressGuard.strict().refusal(InetAddress.getByName(literal))).as(literal).isPresent();
  }

  @ParameterizedTest
  @ValueSource(strings = {
      "93.184.215.14", "1.1.1.1", "8.8.8.8", "172.15.255.255", "172.32.0.1", "100.63.255.255",
      "100.128.0.1", "169.253.1.1", "2606:4700::6810:84e5", "2a00:1450:4001::200e",
      "::ffff:8.8.8.8", "64:ff9b::808:808"})
  void allowsPublicAddresses(String literal) throws Exception {
    assertThat(AddressGuard.strict().refusal(InetAddress.getByName(literal))).as(literal).isEmpty();
  }

  @ParameterizedTest
  @ValueSource(strings = {"127.0.0.1", "10.0.0.1", "169.254.169.254"})
  void allowPrivateNetworksTurnsTheGuardOff(String literal) throws Exception {
    assertThat(AddressGuard.allowAll().refusal(InetAddress.getByName(literal))).isEmpty();
    assertThat(AddressGuard.forSettings(DefaultSettings.fetch()).enabled()).isTrue();
  }
}
