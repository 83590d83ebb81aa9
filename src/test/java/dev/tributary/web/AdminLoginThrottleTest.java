package dev.tributary.web;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.response.Response;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The admin token cannot be guessed at line rate: after the budget of wrong tokens from one
 * address (form or Bearer together), the form answers 429 and a Bearer is not even compared,
 * while public reads go on.
 */
@QuarkusTest
@TestProfile(AdminLoginThrottleTest.SmallBudget.class)
class AdminLoginThrottleTest {
  public static class SmallBudget implements QuarkusTestProfile {
    @Override
    public Map<String, String> getConfigOverrides() {
      return Map.of("tributary.admin.token", AdminAuthTest.TOKEN, "tributary.admin.failed-logins-per-minute", "3");
    }
  }

  @Test
  void wrongTokensUseUpTheBudgetThenEvenTheRightOneWaits() {
    given().header("Authorization", "Bearer " + AdminAuthTest.TOKEN).get("/api/status").then().statusCode(200);
    given().header("Authorization", "Bearer guess-1").get("/api/status").then().statusCode(401);
    given().header("Authorization", "Bearer guess-2").get("/api/status").then().statusCode(401);
    form("guess-3").then().statusCode(401);

    form(AdminAuthTest.TOKEN).then().statusCode(429).header("Retry-After", org.hamcrest.Matchers.matchesPattern("[1-9][0-9]?"))
        .body(containsString("Too many wrong admin tokens"));
    given().header("Authorization", "Bearer " + AdminAuthTest.TOKEN).get("/api/status").then().statusCode(401);
    given().get("/api/channels").then().statusCode(200);
  }

  private static Response form(String token) {
    Response form = given().get("/admin/login");
    return given().redirects().follow(false).cookie("tributary-csrf", form.getCookie("tributary-csrf"))
        .formParams(Map.of("csrf-token", AdminAuthTest.hiddenCsrf(form.asString()), "token", token))
        .post("/admin/login");
  }
}
