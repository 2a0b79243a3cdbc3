package io.quargo.standalone.api;

import static io.quargo.standalone.api.ApiFixtures.awaitPhase;
import static io.quargo.standalone.api.ApiFixtures.body;
import static io.quargo.standalone.api.ApiFixtures.create;
import static io.quargo.standalone.api.ApiFixtures.namespace;
import static io.quargo.standalone.api.ApiFixtures.post;
import static io.quargo.standalone.api.ApiFixtures.yaml;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.startsWith;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.quargo.core.Json;
import io.quargo.eventbus.testkit.NatsTestResource;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

@QuarkusTest
@WithTestResource(NatsTestResource.class)
class WorkflowEndpointTest {

  @Test
  void createdWorkflowRunsItsStepToSucceededAndIsListedByPhase() {
    String ns = namespace();
    String name = create(ns, ApiFixtures.HELLO);
    assertThat(name).startsWith("hello-");
    JsonNode wf = awaitPhase(ns, name, "Succeeded");
    assertThat(wf.path("metadata").path("namespace").asText()).isEqualTo(ns);
    String failed = create(ns, ApiFixtures.FAILING);
    awaitPhase(ns, failed, "Failed");

    given().queryParam("listOptions.labelSelector", "workflows.argoproj.io/phase in (Succeeded)")
        .get("/api/v1/workflows/" + ns).then().statusCode(200)
        .body("metadata.resourceVersion", not(equalTo(null)))
        .body("items.metadata.name", equalTo(List.of(name)));
    given().queryParam("listOptions.labelSelector", "workflows.argoproj.io/phase notin (Succeeded)")
        .get("/api/v1/workflows/" + ns).then().statusCode(200)
        .body("items.metadata.name", equalTo(List.of(failed)));
    given().get("/api/v1/workflows/" + ns).then().statusCode(200).body("items.size()", is(2));
  }

  @Test
  void logsAreOneResultPerLineWithThePodName() {
    String ns = namespace();
    String name = create(ns, ApiFixtures.HELLO);
    JsonNode wf = awaitPhase(ns, name, "Succeeded");
    String pod = wf.path("status").path("nodes").path(name).path("podName").asText();
    assertThat(pod).isNotEmpty();

    String text = given().queryParam("podName", pod).queryParam("logOptions.container", "main")
        .get("/api/v1/workflows/" + ns + "/" + name + "/log").then().statusCode(200).extract().asString();
    List<JsonNode> lines = Arrays.stream(text.split("\n")).map(l -> Json.parse(l.getBytes())).toList();
    assertThat(lines).extracting(l -> l.path("result").path("content").asText()).containsExactly("hi", "there");
    assertThat(lines).extracting(l -> l.path("result").path("podName").asText()).containsOnly(pod);

    String followed = given().queryParam("logOptions.follow", "true")
        .get("/api/v1/workflows/" + ns + "/" + name + "/log").then().statusCode(200).extract().asString();
    assertThat(followed).isEqualTo(text);
  }

  @Test
  void getAndDeleteAnswerNotFoundInArgosShape() {
    String ns = namespace();
    given().get("/api/v1/workflows/" + ns + "/nope").then().statusCode(404)
        .body("code", is(5)).body("message", containsString("\"nope\" not found"));
    given().delete("/api/v1/workflows/" + ns + "/nope").then().statusCode(404).body("code", is(5));

    String name = create(ns, ApiFixtures.HELLO);
    awaitPhase(ns, name, "Succeeded");
    given().delete("/api/v1/workflows/" + ns + "/" + name).then().statusCode(200).body(equalTo("{}"));
    given().get("/api/v1/workflows/" + ns + "/" + name).then().statusCode(404).body("code", is(5));
  }

  @Test
  void aSecondWorkflowOfTheSameNameIsAlreadyExists() {
    String ns = namespace();
    ObjectNode wf = yaml(ApiFixtures.HELLO);
    ((ObjectNode) wf.get("metadata")).remove("generateName");
    ((ObjectNode) wf.get("metadata")).put("name", "fixed");
    post("/api/v1/workflows/" + ns, body("workflow", wf)).then().statusCode(200).body("metadata.name", is("fixed"));
    post("/api/v1/workflows/" + ns, body("workflow", wf)).then().statusCode(409)
        .body("code", is(6)).body("message", containsString("already exists"));
  }

  @Test
  void badBodiesSayWhatAndWhere() {
    String ns = namespace();
    post("/api/v1/workflows/" + ns, "{\"workflow\": {").then().statusCode(400)
        .body("code", is(3)).body("message", containsString("not valid JSON at line 1"));
    post("/api/v1/workflows/" + ns, "{}").then().statusCode(400)
        .body("code", is(3)).body("message", startsWith("missing workflow"));
    post("/api/v1/workflows/" + ns, "{\"workflow\": []}").then().statusCode(400)
        .body("message", is("workflow must be an object, got ARRAY"));
    ObjectNode other = yaml(ApiFixtures.HELLO);
    ((ObjectNode) other.get("metadata")).put("namespace", "elsewhere");
    post("/api/v1/workflows/" + ns, body("workflow", other)).then().statusCode(400)
        .body("message", containsString("workflow.metadata.namespace is \"elsewhere\""));
    post("/api/v1/workflows/" + ns, "{\"workflow\": {\"spec\": {}}}").then().statusCode(400)
        .body("message", containsString("workflow.metadata.name is missing"));
    given().get("/api/v1/workflows/" + ns + "?listOptions.labelSelector=a in b").then().statusCode(400)
        .body("code", is(3)).body("message", containsString("listOptions.labelSelector"));
  }

  @Test
  void lintErrorsAreInvalidArgumentWithTheJsonPath() {
    String ns = namespace();
    ObjectNode bad = yaml(ApiFixtures.HELLO);
    ((ObjectNode) bad.get("spec")).put("entrypoint", "missing");
    post("/api/v1/workflows/" + ns + "/lint", body("workflow", bad)).then().statusCode(400)
        .body("code", is(3)).body("message", containsString("workflow.spec.entrypoint"))
        .body("message", containsString("missing"));
    // create validates too, so nothing is stored
    post("/api/v1/workflows/" + ns, body("workflow", bad)).then().statusCode(400).body("code", is(3));
    given().get("/api/v1/workflows/" + ns).then().body("items.size()", is(0));

    post("/api/v1/workflows/" + ns + "/lint", body("workflow", yaml(ApiFixtures.HELLO))).then().statusCode(200)
        .body("spec.entrypoint", is("main"));
  }

  @Test
  void serverDryRunStoresNothing() {
    String ns = namespace();
    ObjectNode request = Json.MAPPER.createObjectNode().put("serverDryRun", true);
    request.set("workflow", yaml(ApiFixtures.HELLO));
    post("/api/v1/workflows/" + ns, Json.string(request)).then().statusCode(200)
        .body("metadata.generateName", is("hello-"));
    given().get("/api/v1/workflows/" + ns).then().body("items.size()", is(0));
  }
}
