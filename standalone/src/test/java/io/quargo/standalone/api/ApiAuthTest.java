package io.quargo.standalone.api;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.is;

import io.quargo.eventbus.testkit.NatsTestResource;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import java.util.Map;
import org.junit.jupiter.api.Test;

@QuarkusTest
@TestProfile(ApiAuthTest.WithToken.class)
@WithTestResource(NatsTestResource.class)
class ApiAuthTest {
  public static class WithToken implements QuarkusTestProfile {
    @Override
    public Map<String, String> getConfigOverrides() {
      return Map.of(ServerAuth.TOKEN_KEY, "s3cret");
    }
  }

  @Test
  void apiCallsWithoutTheTokenAreUnauthenticated() {
    given().get("/api/v1/workflows/default").then().statusCode(401)
        .body("code", is(16)).body("message", containsString("Authorization: Bearer"));
    given().header("Authorization", "Bearer wrong").get("/api/v1/workflows/default").then().statusCode(401);
    given().header("Authorization", "Basic s3cret").get("/api/v1/version").then().statusCode(401);
  }

  @Test
  void apiCallsWithTheTokenPass() {
    given().header("Authorization", "Bearer s3cret").get("/api/v1/workflows/default").then().statusCode(200)
        .body("items", org.hamcrest.Matchers.notNullValue());
    given().header("Authorization", "Bearer s3cret").get("/api/v1/version").then().statusCode(200);
  }

  @Test
  void healthStaysOpenForProbes() {
    given().get("/q/health/live").then().statusCode(200);
  }
}
