package io.quargo.standalone.api;

import static io.quargo.standalone.api.ApiFixtures.awaitPhase;
import static io.quargo.standalone.api.ApiFixtures.body;
import static io.quargo.standalone.api.ApiFixtures.namespace;
import static io.quargo.standalone.api.ApiFixtures.post;
import static io.quargo.standalone.api.ApiFixtures.put;
import static io.quargo.standalone.api.ApiFixtures.yaml;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.startsWith;

import com.fasterxml.jackson.databind.JsonNode;
import io.quargo.eventbus.testkit.NatsTestResource;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quargo.standalone.workflow.WorkflowServices;
import jakarta.inject.Inject;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

@QuarkusTest
@WithTestResource(NatsTestResource.class)
class TemplateEndpointsTest {
  @Inject
  WorkflowServices services;

  static final String TEMPLATE = """
      metadata: {name: greeter, labels: {team: a}}
      spec:
        entrypoint: main
        arguments: {parameters: [{name: who, value: world}]}
        templates:
          - name: main
            container: {image: busybox, command: [echo, "hello {{workflow.parameters.who}}"]}
          - name: other
            container: {image: busybox, command: [echo, "other {{workflow.parameters.who}}"]}
      """;

  @Test
  void workflowTemplateCrud() {
    String ns = namespace();
    String base = "/api/v1/workflow-templates/" + ns;
    post(base, body("template", yaml(TEMPLATE))).then().statusCode(200)
        .body("kind", is("WorkflowTemplate")).body("metadata.namespace", is(ns));
    post(base, body("template", yaml(TEMPLATE))).then().statusCode(409).body("code", is(6));
    given().get(base + "/greeter").then().statusCode(200).body("spec.entrypoint", is("main"));
    given().queryParam("listOptions.labelSelector", "team=a").get(base).then().statusCode(200)
        .body("items.metadata.name", equalTo(List.of("greeter")));
    given().queryParam("listOptions.labelSelector", "team!=a").get(base).then().body("items.size()", is(0));

    var changed = yaml(TEMPLATE);
    ((com.fasterxml.jackson.databind.node.ObjectNode) changed.get("spec")).put("entrypoint", "other");
    put(base + "/greeter", body("template", changed)).then().statusCode(200).body("spec.entrypoint", is("other"));
    given().get(base + "/greeter").then().body("spec.entrypoint", is("other"));
    var stale = changed.deepCopy();
    ((com.fasterxml.jackson.databind.node.ObjectNode) stale.get("metadata")).put("resourceVersion", "1");
    put(base + "/greeter", body("template", stale)).then().statusCode(409).body("code", is(10))
        .body("message", containsString("no longer at resourceVersion 1"));
    var renamed = changed.deepCopy();
    ((com.fasterxml.jackson.databind.node.ObjectNode) renamed.get("metadata")).put("name", "other");
    put(base + "/greeter", body("template", renamed)).then().statusCode(400)
        .body("message", containsString("template.metadata.name is \"other\" but the URL names \"greeter\""));

    given().delete(base + "/greeter").then().statusCode(200).body(equalTo("{}"));
    given().get(base + "/greeter").then().statusCode(404).body("code", is(5));
  }

  @Test
  void templateLintNamesTheBadPath() {
    String ns = namespace();
    var bad = yaml(TEMPLATE);
    ((com.fasterxml.jackson.databind.node.ObjectNode) bad.get("spec").get("templates").get(1)).put("name", "main");
    post("/api/v1/workflow-templates/" + ns + "/lint", body("template", bad)).then().statusCode(400)
        .body("code", is(3)).body("message", containsString("template.spec.templates[1].name"));
    post("/api/v1/workflow-templates/" + ns, body("template", bad)).then().statusCode(400);
    post("/api/v1/workflow-templates/" + ns, body("template", yaml("kind: Workflow\n" + TEMPLATE)))
        .then().statusCode(400).body("message", containsString("template.kind is \"Workflow\""));
  }

  @Test
  void submitFromAWorkflowTemplateRunsItWithOptions() {
    String ns = namespace();
    post("/api/v1/workflow-templates/" + ns, body("template", yaml(TEMPLATE))).then().statusCode(200);
    String name = post("/api/v1/workflows/" + ns + "/submit", """
        {"resourceKind":"WorkflowTemplate","resourceName":"greeter",
         "submitOptions":{"parameters":["who=quargo"],"entryPoint":"other","labels":"x=y"}}""")
        .then().statusCode(200).body("metadata.name", startsWith("greeter-"))
        .body("metadata.labels.'workflows.argoproj.io/workflow-template'", is("greeter"))
        .body("metadata.labels.x", is("y"))
        .extract().path("metadata.name");
    awaitPhase(ns, name, "Succeeded");
    String log = given().get("/api/v1/workflows/" + ns + "/" + name + "/log").then().extract().asString();
    assertThat(log).contains("\"other quargo\"");

    post("/api/v1/workflows/" + ns + "/submit", "{\"resourceKind\":\"WorkflowTemplate\",\"resourceName\":\"nope\"}")
        .then().statusCode(404).body("code", is(5));
    post("/api/v1/workflows/" + ns + "/submit", "{\"resourceKind\":\"Pod\",\"resourceName\":\"x\"}")
        .then().statusCode(400).body("message", startsWith("resourceKind is \"Pod\""));
  }

  @Test
  void clusterTemplatesAndCronWorkflowsSubmitToo() {
    String ns = namespace();
    String cluster = "c" + UUID.randomUUID().toString().substring(0, 8);
    var ctemplate = yaml(TEMPLATE.replace("name: greeter", "name: " + cluster));
    post("/api/v1/cluster-workflow-templates", body("template", ctemplate)).then().statusCode(200)
        .body("metadata.namespace", equalTo(null));
    given().get("/api/v1/cluster-workflow-templates/" + cluster).then().statusCode(200);
    String fromCluster = post("/api/v1/workflows/" + ns + "/submit",
        "{\"resourceKind\":\"ClusterWorkflowTemplate\",\"resourceName\":\"" + cluster + "\"}")
        .then().statusCode(200).body("spec.workflowTemplateRef.clusterScope", is(true)).extract().path("metadata.name");
    awaitPhase(ns, fromCluster, "Succeeded");
    given().delete("/api/v1/cluster-workflow-templates/" + cluster).then().statusCode(200);

    var cron = yaml("""
        metadata: {name: nightly}
        spec:
          schedule: "0 0 * * *"
          workflowSpec:
            entrypoint: main
            templates:
              - name: main
                container: {image: busybox, command: [echo, cron]}
        """);
    post("/api/v1/cron-workflows/" + ns, body("cronWorkflow", cron)).then().statusCode(200)
        .body("kind", is("CronWorkflow"));
    String fromCron = post("/api/v1/workflows/" + ns + "/submit",
        "{\"resourceKind\":\"CronWorkflow\",\"resourceName\":\"nightly\"}").then().statusCode(200)
        .body("metadata.labels.'workflows.argoproj.io/cron-workflow'", is("nightly")).extract().path("metadata.name");
    JsonNode wf = awaitPhase(ns, fromCron, "Succeeded");
    assertThat(wf.path("metadata").path("name").asText()).startsWith("nightly-");
  }

  @Test
  void configMapsAreStoredWhereSemaphoresReadTheirLimits() {
    String ns = namespace();
    var cm = yaml("""
        apiVersion: v1
        kind: ConfigMap
        metadata: {name: my-config}
        data: {workflow: "2"}
        """);
    post("/api/v1/config-maps/" + ns, body("configMap", cm)).then().statusCode(200).body("kind", is("ConfigMap"))
        .body("apiVersion", is("v1"));
    var stored = services.store().get(io.quargo.core.resource.ArgoKinds.CONFIG_MAP, ns, "my-config");
    assertThat(stored).hasValueSatisfying(r -> assertThat(r.tree().path("data").path("workflow").asText())
        .isEqualTo("2"));
    ((com.fasterxml.jackson.databind.node.ObjectNode) cm.get("data")).put("workflow", "3");
    put("/api/v1/config-maps/" + ns + "/my-config", body("configMap", cm)).then().statusCode(200)
        .body("data.workflow", is("3"));
    var workflow = yaml("""
        apiVersion: argoproj.io/v1alpha1
        kind: Workflow
        metadata: {name: not-a-configmap}
        """);
    post("/api/v1/config-maps/" + ns, body("configMap", workflow)).then().statusCode(400);
    given().delete("/api/v1/config-maps/" + ns + "/my-config").then().statusCode(200);
    given().get("/api/v1/config-maps/" + ns).then().body("items.size()", is(0));
  }

  @Test
  void eventSourcesAndSensorsAreStoredForApply() {
    String ns = namespace();
    var source = yaml("""
        metadata: {name: webhook}
        spec: {webhook: {example: {port: "12000", endpoint: /example, method: POST}}}
        """);
    post("/api/v1/event-sources/" + ns, body("eventSource", source)).then().statusCode(200)
        .body("kind", is("EventSource"));
    post("/api/v1/event-sources/" + ns, "{\"source\":{}}").then().statusCode(400)
        .body("message", startsWith("missing eventSource"));
    ((com.fasterxml.jackson.databind.node.ObjectNode) source.get("spec").get("webhook").get("example"))
        .put("port", "13000");
    put("/api/v1/event-sources/" + ns + "/webhook", body("eventSource", source)).then().statusCode(200)
        .body("spec.webhook.example.port", is("13000"));
    var sensor = yaml("""
        metadata: {name: on-webhook}
        spec: {dependencies: [{name: d, eventSourceName: webhook, eventName: example}]}
        """);
    post("/api/v1/sensors/" + ns, body("sensor", sensor)).then().statusCode(200).body("kind", is("Sensor"));
    given().get("/api/v1/sensors/" + ns).then().body("items.metadata.name", equalTo(List.of("on-webhook")));
    given().delete("/api/v1/sensors/" + ns + "/on-webhook").then().statusCode(200);
    given().delete("/api/v1/event-sources/" + ns + "/webhook").then().statusCode(200);
    given().get("/api/v1/event-sources/" + ns).then().body("items.size()", is(0));
  }
}
