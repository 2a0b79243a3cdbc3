package io.quargo.standalone.api;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.quargo.core.Json;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import java.time.Duration;
import java.util.UUID;

/** Workflows and calls the API tests share. Each test uses its own namespace, so tests cannot see each other. */
final class ApiFixtures {
  private ApiFixtures() {}

  static String namespace() {
    return "t" + UUID.randomUUID().toString().substring(0, 8);
  }

  /** Parses YAML (a superset of JSON) into a tree, so workflows read as users write them. */
  static ObjectNode yaml(String text) {
    try {
      return (ObjectNode) new com.fasterxml.jackson.databind.ObjectMapper(
          new com.fasterxml.jackson.dataformat.yaml.YAMLFactory()).readTree(text);
    } catch (java.io.IOException e) {
      throw new IllegalArgumentException(e);
    }
  }

  static String body(String field, ObjectNode object) {
    ObjectNode body = Json.MAPPER.createObjectNode();
    body.set(field, object);
    return Json.string(body);
  }

  static Response post(String path, String body) {
    return given().contentType(ContentType.JSON).body(body).when().post(path);
  }

  static Response put(String path, String body) {
    return given().contentType(ContentType.JSON).body(body).when().put(path);
  }

  /** Creates a workflow and answers its name. */
  static String create(String ns, String yaml) {
    return post("/api/v1/workflows/" + ns, body("workflow", yaml(yaml))).then().statusCode(200)
        .extract().path("metadata.name");
  }

  static JsonNode get(String ns, String name) {
    return Json.parse(given().get("/api/v1/workflows/" + ns + "/" + name).then().statusCode(200)
        .extract().asByteArray());
  }

  /** Waits for the phase; a different final phase fails at once, showing the status. */
  static JsonNode awaitPhase(String ns, String name, String phase) {
    await().atMost(Duration.ofSeconds(60)).until(() -> get(ns, name).path("status").path("phase").asText(),
        p -> p.equals(phase) || java.util.Set.of("Succeeded", "Failed", "Error").contains(p));
    JsonNode wf = get(ns, name);
    org.assertj.core.api.Assertions.assertThat(wf.path("status").path("phase").asText())
        .as("phase of %s, status %s", name, wf.path("status")).isEqualTo(phase);
    return wf;
  }

  static JsonNode awaitNodePhase(String ns, String name, String displayName, String phase) {
    await().atMost(Duration.ofSeconds(60)).until(() -> {
      for (JsonNode n : get(ns, name).path("status").path("nodes")) {
        if (n.path("displayName").asText().equals(displayName) && n.path("phase").asText().equals(phase)) {
          return true;
        }
      }
      return false;
    });
    return get(ns, name);
  }

  static final String HELLO = """
      metadata: {generateName: hello-}
      spec:
        entrypoint: main
        templates:
          - name: main
            container: {image: busybox, command: [sh, -c, "echo hi; echo there"]}
      """;

  static final String FAILING = """
      metadata: {generateName: failing-}
      spec:
        entrypoint: main
        arguments: {parameters: [{name: code, value: "3"}]}
        templates:
          - name: main
            container: {image: busybox, command: [sh, -c, "echo code {{workflow.parameters.code}}; exit {{workflow.parameters.code}}"]}
      """;

  static final String SLEEPY = """
      metadata: {generateName: sleepy-}
      spec:
        entrypoint: main
        templates:
          - name: main
            container: {image: busybox, command: [sleep, "300"]}
      """;

  static final String PAUSE = """
      metadata: {generateName: pause-}
      spec:
        entrypoint: main
        templates:
          - name: main
            steps:
              - - {name: approve, template: approve}
              - - {name: after, template: say}
          - name: approve
            suspend: {}
          - name: say
            container: {image: busybox, command: [echo, "resumed"]}
      """;

  static final String APPROVAL = """
      metadata: {generateName: approval-}
      spec:
        entrypoint: main
        templates:
          - name: main
            steps:
              - - {name: approve, template: approve}
              - - name: after
                  template: say
                  arguments: {parameters: [{name: m, value: "{{steps.approve.outputs.parameters.choice}}"}]}
          - name: approve
            suspend: {}
            outputs: {parameters: [{name: choice, valueFrom: {supplied: {}, default: "none"}}]}
          - name: say
            inputs: {parameters: [{name: m}]}
            container: {image: busybox, command: [echo, "chose {{inputs.parameters.m}}"]}
      """;
}
