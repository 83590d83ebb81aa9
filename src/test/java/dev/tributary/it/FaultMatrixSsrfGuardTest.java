package dev.tributary.it;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.anyRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.temporaryRedirect;
import static dev.tributary.it.ServiceApi.assertReady;
import static dev.tributary.it.ServiceApi.instant;
import static dev.tributary.it.ServiceApi.source;
import static dev.tributary.it.ServiceApi.storedTitles;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;

import dev.tributary.poll.PollJob;
import dev.tributary.poll.PollReport;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * The fault-matrix cases that need the SSRF guard on (its own profile, so its own service start):
 * a redirect from a public publisher to a private address, and a source on one directly.
 */
@QuarkusTest
@TestProfile(FaultMatrixSsrfGuardTest.Profile.class)
class FaultMatrixSsrfGuardTest {
  public static class Profile implements QuarkusTestProfile {
    @Override
    public Map<String, String> getConfigOverrides() {
      return Map.of(
          "tributary.fetch.allow-private-networks", "false",
          "tributary.fetch.connect-timeout", "3s",
          "tributary.fetch.read-timeout", "3s",
          "tributary.fetch.total-timeout", "6s");
    }

    @Override
    public Set<Class<?>> getEnabledAlternatives() {
      return Set.of(PublicNameFetcher.class);
    }

    @Override
    public List<TestResourceEntry> testResources() {
      return List.of(new TestResourceEntry(GuardServers.class));
    }

    @Override
    public boolean disableGlobalTestResources() {
      return true;
    }
  }

  @GuardServers.Lab GuardServers.GuardLab lab;
  @Inject PollJob poll;

  @Test
  void redirectToAPrivateAddressIsRefusedBeforeAnyRequestReachesIt() {
    byte[] good = TestFeeds.good("moves-inside");
    lab.publisher.stubFor(get("/moves-inside").willReturn(aResponse().withHeader("Content-Type", "application/rss+xml")
        .withBody(good)));
    assertThat(poll.poll("moves-inside").result()).isEqualTo(PollReport.Result.FETCHED);
    assertThat(source("moves-inside").get("items")).isEqualTo(2);

    String internal = "http://127.0.0.2:" + lab.trap.port() + "/admin/secrets";
    lab.trap.stubFor(get(anyUrl()).willReturn(aResponse().withBody("internal data")));
    lab.publisher.stubFor(get("/moves-inside").willReturn(temporaryRedirect(internal)));
    PollReport r = poll.poll("moves-inside");

    assertThat(r.result()).isEqualTo(PollReport.Result.FAILED);
    assertThat(lab.trap.findAll(anyRequestedFor(anyUrl()))).isEmpty();
    assertReady();
    Map<String, Object> s = source("moves-inside");
    assertThat(s.get("errorKind")).isEqualTo("BLOCKED_ADDRESS");
    assertThat((String) s.get("error")).contains("127.0.0.2").contains("loopback");
    assertThat(s.get("consecutiveFailures")).isEqualTo(1);
    assertThat(instant(s, "nextFetch")).isAfter(Instant.now());
    assertThat(s.get("items")).isEqualTo(2);
    assertThat(storedTitles("moves-inside")).containsExactlyInAnyOrderElementsOf(TestFeeds.titles("moves-inside"));
  }

  @Test
  void sourceOnAPrivateAddressIsRefusedAtTheFirstHop() {
    lab.trap.stubFor(get(anyUrl()).willReturn(aResponse().withBody("internal data")));
    PollReport r = poll.poll("internal");

    assertThat(r.result()).isEqualTo(PollReport.Result.FAILED);
    assertThat(lab.trap.findAll(anyRequestedFor(anyUrl()))).isEmpty();
    assertReady();
    Map<String, Object> s = source("internal");
    assertThat(s.get("errorKind")).isEqualTo("BLOCKED_ADDRESS");
    assertThat((String) s.get("error")).contains("SSRF guard");
    assertThat(s.get("items")).isEqualTo(0);
    assertThat(s.get("consecutiveFailures")).isEqualTo(1);
    assertThat(instant(s, "nextFetch")).isAfter(Instant.now());
  }

  @Test
  void previewIsNoWayAroundTheGuard() {
    lab.trap.stubFor(get(anyUrl()).willReturn(aResponse().withBody("internal data")));
    String internal = "http://127.0.0.2:" + lab.trap.port() + "/admin/secrets";
    lab.publisher.stubFor(get("/bounce").willReturn(temporaryRedirect(internal)));

    for (String url : List.of(internal, "http://" + PublicNameFetcher.PUBLISHER + ":" + lab.publisher.port() + "/bounce")) {
      given().queryParam("url", url).get("/api/preview").then().statusCode(502)
          .body("message", containsString("could not fetch")).body(not(containsString("internal data")));
    }
    assertThat(lab.trap.findAll(anyRequestedFor(anyUrl()))).isEmpty();
  }
}
