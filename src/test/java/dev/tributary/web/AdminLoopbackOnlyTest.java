package dev.tributary.web;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assumptions.assumeThat;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.RestAssured;
import java.net.Inet4Address;
import java.net.InetAddress;
import java.net.NetworkInterface;
import java.net.SocketException;
import java.util.Collections;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * Without an admin token the admin surface answers loopback clients only, judged by the socket
 * address: a client reaching the service through a non-loopback interface is refused, even when
 * it claims to be 127.0.0.1 in X-Forwarded-For.
 */
@QuarkusTest
@TestProfile(AdminLoopbackOnlyTest.OnEveryInterface.class)
class AdminLoopbackOnlyTest {
  public static class OnEveryInterface implements QuarkusTestProfile {
    @Override
    public Map<String, String> getConfigOverrides() {
      return Map.of("quarkus.http.host", "0.0.0.0");
    }
  }

  @Test
  void loopbackClientsAreAdmin() {
    given().get("/api/sources").then().statusCode(200);
    given().get("/api/status").then().statusCode(200);
  }

  @Test
  void otherClientsAreRefusedWhateverTheyClaim() {
    Optional<String> lan = nonLoopbackAddress();
    if (lan.isEmpty()) {
      System.out.println("AdminLoopbackOnlyTest: no non-loopback IPv4 interface on this machine, remote case skipped");
    }
    assumeThat(lan).isPresent();
    String base = "http://" + lan.get() + ":" + RestAssured.port;
    for (String path : new String[] {"/api/sources", "/api/status", "/admin", "/q/metrics"}) {
      given().baseUri(base).port(RestAssured.port).get(path).then().statusCode(403);
      given().baseUri(base).port(RestAssured.port).header("X-Forwarded-For", "127.0.0.1").header("Forwarded", "for=127.0.0.1")
          .get(path).then().statusCode(403);
    }
    given().baseUri(base).port(RestAssured.port).post("/api/sources/anything/fetch").then().statusCode(403);
    given().baseUri(base).port(RestAssured.port).get("/api/channels").then().statusCode(200);
  }

  private static Optional<String> nonLoopbackAddress() {
    try {
      for (NetworkInterface ni : Collections.list(NetworkInterface.getNetworkInterfaces())) {
        if (!ni.isUp() || ni.isLoopback()) {
          continue;
        }
        for (InetAddress a : Collections.list(ni.getInetAddresses())) {
          if (a instanceof Inet4Address && !a.isLoopbackAddress()) {
            return Optional.of(a.getHostAddress());
          }
        }
      }
    } catch (SocketException e) {
      return Optional.empty();
    }
    return Optional.empty();
  }
}
