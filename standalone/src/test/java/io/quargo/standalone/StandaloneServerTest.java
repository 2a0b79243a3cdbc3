package io.quargo.standalone;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.emptyOrNullString;

import io.quargo.eventbus.testkit.NatsTestResource;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

@QuarkusTest
@WithTestResource(NatsTestResource.class)
class StandaloneServerTest {

  @ConfigProperty(name = "quarkus.application.version")
  String version;

  @Test
  void readinessIsUpWithTheBusCheck() {
    given().when().get("/q/health/ready")
        .then().statusCode(200)
        .body("status", is("UP"))
        .body("checks.name", hasItem("bus"))
        .body("checks.find { it.name == 'bus' }.status", is("UP"))
        .body("checks.find { it.name == 'bus' }.data.serverVersion", not(emptyOrNullString()));
  }

  @Test
  void versionAnswersWithTheProjectAndBusVersions() {
    given().when().get("/api/v1/version")
        .then().statusCode(200)
        .body("version", is(version))
        .body("version", not(emptyOrNullString()))
        .body("bus.up", is(true))
        .body("bus.serverVersion", not(emptyOrNullString()));
  }
}
