package dev.tributary.web;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.response.Response;
import java.time.InstantSource;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Anonymous admin (issue 17): with an admin token set, the admin surface answers only a bearer of
 * the token or a logged-in session; reads stay public; the login form and the POST buttons need
 * the CSRF token; a write sent from another site is refused even with a valid session.
 */
@QuarkusTest
@TestProfile(AdminAuthTest.WithToken.class)
class AdminAuthTest {
  static final String TOKEN = "s3cret-admin-token-for-tests";

  public static class WithToken implements QuarkusTestProfile {
    @Override
    public Map<String, String> getConfigOverrides() {
      // these tests send many wrong tokens on purpose; AdminLoginThrottleTest covers the budget
      return Map.of("tributary.admin.token", TOKEN, "tributary.admin.failed-logins-per-minute", "1000");
    }
  }

  @ParameterizedTest
  @ValueSource(strings = {"/api/status", "/api/sources", "/api/preview?url=http://127.0.0.1:9/x", "/q/metrics"})
  void adminReadsNeedTheToken(String path) {
    given().get(path).then().statusCode(401).header("WWW-Authenticate", containsString("Bearer"));
    given().header("Authorization", "Bearer wrong").get(path).then().statusCode(401);
    given().header("Authorization", "Bearer " + TOKEN + "x").get(path).then().statusCode(401);
    int ok = given().header("Authorization", "Bearer " + TOKEN).get(path).then().extract().statusCode();
    assertThat(ok).isNotIn(401, 403);
  }

  @Test
  void anonymousFetchTriggerIsRefused() {
    given().post("/api/sources/anything/fetch").then().statusCode(401);
    int withToken = given().header("Authorization", "Bearer " + TOKEN).post("/api/sources/no-such-source/fetch")
        .then().extract().statusCode();
    assertThat(withToken).isNotIn(401, 403);
  }

  @ParameterizedTest
  @ValueSource(strings = {"/", "/feeds.opml", "/api/channels"})
  void readsStayPublicEvenWithAStrayAuthorizationHeader(String path) {
    given().get(path).then().statusCode(200);
    given().header("Authorization", "Bearer wrong").get(path).then().statusCode(200);
  }

  @Test
  void browserAskingForTheAdminPageIsSentToTheLoginForm() {
    given().redirects().follow(false).accept("text/html").get("/admin")
        .then().statusCode(303).header("Location", containsString("/admin/login"));
  }

  @Test
  void loginGivesAStrictHttpOnlySessionAndTheAdminPage() {
    Response form = given().get("/admin/login");
    form.then().statusCode(200);
    String csrfCookie = form.getCookie("tributary-csrf");
    String csrf = hiddenCsrf(form.asString());
    assertThat(csrfCookie).isNotNull();

    Response login = given().redirects().follow(false).cookie("tributary-csrf", csrfCookie)
        .formParams(Map.of("csrf-token", csrf, "token", TOKEN)).post("/admin/login");
    login.then().statusCode(303).header("Location", containsString("/admin"));
    String setCookie = login.getHeaders().getValues("Set-Cookie").stream()
        .filter(c -> c.startsWith(AdminSession.COOKIE + "=")).findFirst().orElseThrow();
    assertThat(setCookie).contains("HttpOnly").containsIgnoringCase("SameSite=Strict");
    String session = login.getCookie(AdminSession.COOKIE);

    given().cookie(AdminSession.COOKIE, session).get("/admin").then().statusCode(200);
    given().cookie(AdminSession.COOKIE, session).get("/api/sources").then().statusCode(200);
    given().cookie(AdminSession.COOKIE, session + "x").get("/api/sources").then().statusCode(401);
    given().cookie(AdminSession.COOKIE, "99999999999.forged").get("/api/sources").then().statusCode(401);

    Response logout = given().redirects().follow(false).cookie("tributary-csrf", csrfCookie)
        .formParams(Map.of("csrf-token", csrf)).post("/admin/logout");
    logout.then().statusCode(303);
    assertThat(logout.getHeaders().getValues("Set-Cookie")).anyMatch(c -> c.startsWith(AdminSession.COOKIE + "=;"));
  }

  @Test
  void wrongTokenOnTheFormIsRefused() {
    Response form = given().get("/admin/login");
    given().redirects().follow(false).cookie("tributary-csrf", form.getCookie("tributary-csrf"))
        .formParams(Map.of("csrf-token", hiddenCsrf(form.asString()), "token", "guess"))
        .post("/admin/login").then().statusCode(401);
  }

  @Test
  void loginWithoutTheCsrfTokenIsRefused() {
    given().redirects().follow(false).formParams(Map.of("token", TOKEN)).post("/admin/login")
        .then().statusCode(400);
  }

  @Test
  void crossSiteWriteIsRefusedEvenWithAValidSession() {
    String session = new AdminSession(Optional.of(TOKEN), 3600, InstantSource.system()).open().orElseThrow();
    for (List<String> header : List.of(List.of("Origin", "https://evil.example"), List.of("Sec-Fetch-Site", "cross-site"))) {
      given().cookie(AdminSession.COOKIE, session).header(header.get(0), header.get(1))
          .post("/api/sources/anything/fetch").then().statusCode(401);
    }
  }

  @Test
  void everyAnswerCarriesTheSecurityHeaders() {
    for (String path : List.of("/", "/feeds.opml", "/api/channels", "/admin/login", "/api/nope")) {
      given().get(path).then()
          .header("X-Content-Type-Options", equalTo("nosniff"))
          .header("Content-Security-Policy", containsString("frame-ancestors 'none'"))
          .header("Content-Security-Policy", containsString("default-src 'none'"))
          .header("Referrer-Policy", equalTo("no-referrer"))
          .header("X-Frame-Options", equalTo("DENY"));
    }
    given().get("/api/status").then().statusCode(401).header("X-Content-Type-Options", equalTo("nosniff"));
  }

  static String hiddenCsrf(String html) {
    Matcher m = Pattern.compile("name=\"csrf-token\" value=\"([^\"]+)\"").matcher(html);
    assertThat(m.find()).as("csrf field in " + html).isTrue();
    return m.group(1);
  }
}
