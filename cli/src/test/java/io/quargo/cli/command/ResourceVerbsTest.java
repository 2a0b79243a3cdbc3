package io.quargo.cli.command;

import static io.quargo.cli.FakeArgoServer.Answer.json;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.quargo.cli.CliRun;
import io.quargo.cli.FakeArgoServer.Answer;
import io.quargo.cli.Fixtures;
import io.quargo.cli.ServerTestBase;
import io.quargo.core.Json;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** lint, delete, apply and the template / cluster-template / cron groups. */
class ResourceVerbsTest extends ServerTestBase {
  private static final String TEMPLATE = """
      apiVersion: argoproj.io/v1alpha1
      kind: WorkflowTemplate
      metadata:
        name: greet
      spec:
        templates:
        - name: main
          container: {image: busybox}
      """;
  private static final String SENSOR = """
      apiVersion: argoproj.io/v1alpha1
      kind: Sensor
      metadata:
        name: webhook
        namespace: events
      spec:
        dependencies: []
      """;
  @TempDir Path dir;

  private String file(String name, String text) throws Exception {
    Path p = dir.resolve(name);
    Files.writeString(p, text);
    return p.toString();
  }

  private static JsonNode object(String kind, String name) {
    var o = Json.object().put("kind", kind);
    o.putObject("metadata").put("name", name).put("namespace", "default")
        .put("creationTimestamp", "2026-11-21T09:00:00Z").put("resourceVersion", "7");
    return o;
  }

  @Test
  void lintPrintsFileLineAndTheServersMessage() throws Exception {
    server.on("POST /api/v1/workflow-templates/default/lint",
        Answer.error(400, 3, "spec.templates[0].container.image is required"));
    server.on("POST /api/v1/workflows/default/lint", json(Fixtures.workflow("steps-succeeded.json")));
    String f = file("t.yaml", "kind: Workflow\nmetadata: {generateName: a-}\nspec: {}\n---\n" + TEMPLATE);
    CliRun.Result r = cli.run("lint", f);
    assertThat(r.code()).isEqualTo(1);
    assertThat(r.out()).isEqualTo(f + ":12: in \"greet\" (WorkflowTemplate): spec.templates[0].container.image is required\n"
        + "✖ 1 linting error found!\n");
    assertThat(server.the("POST", "/api/v1/workflows/default/lint").json().path("workflow").path("kind").asText())
        .isEqualTo("Workflow");
    assertThat(server.the("POST", "/api/v1/workflow-templates/default/lint").json().path("template")
        .path("metadata").path("name").asText()).isEqualTo("greet");
  }

  @Test
  void lintFallsBackToTheObjectsFirstLineWhenTheMessageNamesNoPath() throws Exception {
    server.on("POST /api/v1/workflow-templates/default/lint", Answer.error(400, 3, "templates.main: bad template"));
    String f = file("t.yaml", "# comment\n" + TEMPLATE);
    assertThat(cli.run("lint", f).out()).startsWith(f + ":2: in \"greet\" (WorkflowTemplate): templates.main: bad");
    server.on("POST /api/v1/workflow-templates/default/lint",
        Answer.error(400, 3, "spec.templates[0].steps is not allowed here"));
    assertThat(cli.run("lint", f).out()).startsWith(f + ":8: in \"greet\"");
  }

  @Test
  void lintPassesAndRefusesKindsArgoCannotLint() throws Exception {
    server.on("POST /api/v1/workflow-templates/default/lint", json(object("WorkflowTemplate", "greet")));
    assertThat(cli.run("template", "lint", file("t.yaml", TEMPLATE)).out()).isEqualTo("✔ no linting errors found!\n");
    CliRun.Result sensor = cli.run("lint", file("s.yaml", SENSOR));
    assertThat(sensor.code()).isEqualTo(1);
    assertThat(sensor.out()).contains("kind 'Sensor' cannot be linted");
    CliRun.Result wrongGroup = cli.run("cron", "lint", file("t2.yaml", TEMPLATE));
    assertThat(wrongGroup.out()).contains("expected kind CronWorkflow, found WorkflowTemplate");
  }

  @Test
  void deleteWorkflowsByNameCompletedAndKind() {
    server.on("DELETE /api/v1/workflows/default/a", json("{}"));
    server.on("DELETE /api/v1/workflows/default/steps-x7k2p", json("{}"));
    server.on("DELETE /api/v1/sensors/default/webhook", json("{}"));
    var running = Fixtures.withPhase(Fixtures.workflow("dag-failed.json"), "Running");
    server.on("GET /api/v1/workflows/default", json(items(Fixtures.workflow("steps-succeeded.json"), running)));
    assertThat(cli.run("delete", "a").out()).isEqualTo("Workflow 'a' deleted\n");
    assertThat(cli.run("delete", "--completed").out()).isEqualTo("Workflow 'steps-x7k2p' deleted\n");
    assertThat(cli.run("delete", "sensor", "webhook").out()).isEqualTo("Sensor 'webhook' deleted\n");
    assertThat(cli.run("delete").code()).isEqualTo(2);
    assertThat(server.requests().stream().filter(q -> q.method().equals("DELETE")).map(q -> q.path()))
        .containsExactly("/api/v1/workflows/default/a", "/api/v1/workflows/default/steps-x7k2p",
            "/api/v1/sensors/default/webhook");
  }

  @Test
  void deleteBySelectorAndAll() {
    server.on("GET /api/v1/workflows/default", json(items(Fixtures.workflow("steps-succeeded.json"))));
    server.on("DELETE /api/v1/workflows/default/steps-x7k2p", json("{}"));
    server.on("GET /api/v1/workflow-templates/default", json(items(object("WorkflowTemplate", "greet"))));
    server.on("DELETE /api/v1/workflow-templates/default/greet", json("{}"));
    assertThat(cli.run("delete", "-l", "app=x").out()).isEqualTo("Workflow 'steps-x7k2p' deleted\n");
    assertThat(server.requests().get(0).query()).isEqualTo("listOptions.labelSelector=app=x");
    assertThat(cli.run("delete", "--all").out()).isEqualTo("Workflow 'steps-x7k2p' deleted\n");
    assertThat(cli.run("delete", "wftmpl", "--all").out()).isEqualTo("WorkflowTemplate 'greet' deleted\n");
    assertThat(cli.run("delete", "a", "--all").code()).isEqualTo(2);
  }

  @Test
  void applyCreatesWhenAbsentAndUpdatesWithTheStoredVersion() throws Exception {
    server.on("GET /api/v1/workflow-templates/default/greet", json(object("WorkflowTemplate", "greet")));
    server.on("PUT /api/v1/workflow-templates/default/greet", json(object("WorkflowTemplate", "greet")));
    server.on("POST /api/v1/sensors/events", json(object("Sensor", "webhook")));
    Path d = Files.createDirectory(dir.resolve("manifests"));
    Files.writeString(d.resolve("a.yaml"), TEMPLATE);
    Files.writeString(d.resolve("b.yml"), SENSOR);
    Files.writeString(d.resolve("notes.txt"), "not a manifest");
    CliRun.Result r = cli.run("apply", "-f", d.toString());
    assertThat(r.err()).isEmpty();
    assertThat(r.out()).isEqualTo("workflowtemplate.argoproj.io/greet configured\nsensor.argoproj.io/webhook created\n");
    JsonNode update = server.the("PUT", "/api/v1/workflow-templates/default/greet").json();
    assertThat(update.path("name").asText()).isEqualTo("greet");
    assertThat(update.path("namespace").asText()).isEqualTo("default");
    assertThat(update.path("template").path("metadata").path("resourceVersion").asText()).isEqualTo("7");
    JsonNode create = server.the("POST", "/api/v1/sensors/events").json();
    assertThat(create.path("namespace").asText()).isEqualTo("events");
    assertThat(create.path("sensor").path("spec").has("dependencies")).isTrue();
  }

  @Test
  void applyArgoCdKindsWithArgoCdBodies() throws Exception {
    server.on("POST /api/v1/applications", json(object("Application", "guestbook")));
    server.on("GET /api/v1/projects/team", json(object("AppProject", "team")));
    server.on("PUT /api/v1/projects/team", json(object("AppProject", "team")));
    server.on("GET /api/v1/applicationsets/fleet", json(object("ApplicationSet", "fleet")));
    server.on("POST /api/v1/applicationsets", json(object("ApplicationSet", "fleet")));
    String f = file("cd.yaml", """
        apiVersion: argoproj.io/v1alpha1
        kind: Application
        metadata: {name: guestbook, namespace: argocd}
        spec: {project: team}
        ---
        apiVersion: argoproj.io/v1alpha1
        kind: AppProject
        metadata: {name: team, namespace: argocd}
        spec: {}
        ---
        apiVersion: argoproj.io/v1alpha1
        kind: ApplicationSet
        metadata: {name: fleet, namespace: argocd}
        spec: {generators: []}
        """);
    CliRun.Result r = cli.run("apply", "-f", f);
    assertThat(r.err()).isEmpty();
    assertThat(r.out()).isEqualTo("application.argoproj.io/guestbook created\nappproject.argoproj.io/team configured\n"
        + "applicationset.argoproj.io/fleet configured\n");
    assertThat(server.the("POST", "/api/v1/applications").json().path("kind").asText()).isEqualTo("Application");
    JsonNode project = server.the("PUT", "/api/v1/projects/team").json();
    assertThat(project.fieldNames()).toIterable().containsExactly("project");
    assertThat(project.path("project").path("metadata").path("resourceVersion").asText()).isEqualTo("7");
    var upsert = server.the("POST", "/api/v1/applicationsets");
    assertThat(upsert.query()).isEqualTo("upsert=true");
    assertThat(upsert.json().path("kind").asText()).isEqualTo("ApplicationSet");
  }

  @Test
  void applyAConfigMapForSemaphoreLimits() throws Exception {
    server.on("POST /api/v1/config-maps/default", json(object("ConfigMap", "my-config")));
    String f = file("cm.yaml", """
        apiVersion: v1
        kind: ConfigMap
        metadata: {name: my-config}
        data: {workflow: "2"}
        """);
    CliRun.Result r = cli.run("apply", "-f", f);
    assertThat(r.err()).isEmpty();
    assertThat(r.out()).isEqualTo("configmap/my-config created\n");
    JsonNode create = server.the("POST", "/api/v1/config-maps/default").json();
    assertThat(create.path("configMap").path("data").path("workflow").asText()).isEqualTo("2");
  }

  @Test
  void applyASecretCreatesThenConfiguresIt() throws Exception {
    String f = file("secret.yaml", """
        apiVersion: v1
        kind: Secret
        metadata: {name: webhook-auth}
        type: Opaque
        stringData: {token: s3cr3t}
        """);
    server.on("POST /api/v1/secrets/default", json(object("Secret", "webhook-auth")));
    CliRun.Result created = cli.run("apply", "-f", f);
    assertThat(created.err()).isEmpty();
    assertThat(created.out()).isEqualTo("secret/webhook-auth created\n");
    JsonNode create = server.the("POST", "/api/v1/secrets/default").json();
    assertThat(create.path("secret").path("stringData").path("token").asText()).isEqualTo("s3cr3t");

    server.on("GET /api/v1/secrets/default/webhook-auth", json(object("Secret", "webhook-auth")));
    server.on("PUT /api/v1/secrets/default/webhook-auth", json(object("Secret", "webhook-auth")));
    CliRun.Result configured = cli.run("apply", "-f", f);
    assertThat(configured.out()).isEqualTo("secret/webhook-auth configured\n");
    assertThat(server.the("PUT", "/api/v1/secrets/default/webhook-auth").json().path("secret").path("metadata")
        .path("resourceVersion").asText()).isEqualTo("7");
  }

  @Test
  void applyRefusesUnknownKindsBeforeSendingAnything() throws Exception {
    String f = file("x.yaml", TEMPLATE + "---\nkind: Widget\nmetadata: {name: w}\n");
    CliRun.Result r = cli.run("apply", "-f", f);
    assertThat(r.code()).isEqualTo(1);
    assertThat(r.err()).contains(f + ":10: unknown kind 'Widget' (at kind): use one of Workflow, WorkflowTemplate");
    assertThat(server.requests()).isEmpty();
  }

  @Test
  void applyAnExistingWorkflowFailsClearly() throws Exception {
    server.on("GET /api/v1/workflows/default/hello", json(Fixtures.workflow("steps-succeeded.json")));
    CliRun.Result r = cli.run("apply", "-f", file("w.yaml", "kind: Workflow\nmetadata: {name: hello}\n"));
    assertThat(r.code()).isEqualTo(1);
    assertThat(r.err()).contains("workflow.argoproj.io/hello already exists and Workflows cannot be changed");
  }

  @Test
  void templateGroupVerbs() throws Exception {
    server.on("POST /api/v1/workflow-templates/default", json(object("WorkflowTemplate", "greet")));
    server.on("GET /api/v1/workflow-templates/default", json(items(object("WorkflowTemplate", "greet"))));
    server.on("GET /api/v1/workflow-templates/default/greet", json(object("WorkflowTemplate", "greet")));
    server.on("DELETE /api/v1/workflow-templates/default/greet", json("{}"));
    assertThat(cli.run("template", "create", file("t.yaml", TEMPLATE), "-o", "name").out()).isEqualTo("greet\n");
    assertThat(server.the("POST", "/api/v1/workflow-templates/default").json().path("template").path("kind").asText())
        .isEqualTo("WorkflowTemplate");
    assertThat(cli.run("template", "list").out()).isEqualTo("NAME    NAMESPACE   AGE\ngreet   default     1h2m\n");
    assertThat(cli.run("template", "get", "greet", "-o", "yaml").out()).contains("name: greet");
    assertThat(cli.run("template", "delete", "greet").out()).isEqualTo("WorkflowTemplate 'greet' deleted\n");
    assertThat(cli.run("template").code()).isEqualTo(2);
    assertThat(cli.run("template", "create", file("s.yaml", SENSOR)).err())
        .contains("kind is 'Sensor', expected WorkflowTemplate");
  }

  @Test
  void cronUpdateCarriesTheStoredVersion() throws Exception {
    server.on("GET /api/v1/cron-workflows/default/nightly", json(object("CronWorkflow", "nightly")));
    server.on("PUT /api/v1/cron-workflows/default/nightly", json(object("CronWorkflow", "nightly")));
    String f = file("c.yaml", "kind: CronWorkflow\nmetadata: {name: nightly}\nspec: {schedule: '0 3 * * *'}\n");
    CliRun.Result r = cli.run("cron", "update", f, "-o", "name");
    assertThat(r.code()).isZero();
    JsonNode body = server.the("PUT", "/api/v1/cron-workflows/default/nightly").json();
    assertThat(body.path("name").asText()).isEqualTo("nightly");
    assertThat(body.path("cronWorkflow").path("metadata").path("resourceVersion").asText()).isEqualTo("7");
    assertThat(body.path("cronWorkflow").path("spec").path("schedule").asText()).isEqualTo("0 3 * * *");
  }

  @Test
  void clusterTemplatesHaveNoNamespace() throws Exception {
    server.on("POST /api/v1/cluster-workflow-templates", json(object("ClusterWorkflowTemplate", "c")));
    String f = file("c.yaml", TEMPLATE.replace("kind: WorkflowTemplate", "kind: ClusterWorkflowTemplate"));
    assertThat(cli.run("cluster-template", "create", f, "-o", "name").code()).isZero();
    JsonNode body = server.the("POST", "/api/v1/cluster-workflow-templates").json();
    assertThat(body.has("namespace")).isFalse();
    assertThat(body.path("template").path("kind").asText()).isEqualTo("ClusterWorkflowTemplate");
  }

  @Test
  void cronSuspendResumeAndList() {
    server.on("PUT /api/v1/cron-workflows/default/nightly/suspend", json("{}"));
    server.on("PUT /api/v1/cron-workflows/default/nightly/resume", json("{}"));
    var cron = (com.fasterxml.jackson.databind.node.ObjectNode) object("CronWorkflow", "nightly");
    cron.putObject("spec").put("schedule", "0 2 * * *").put("timezone", "UTC").put("suspend", true);
    cron.putObject("status").put("lastScheduledTime", "2026-11-21T02:00:00Z");
    server.on("GET /api/v1/cron-workflows/default", json(items(cron)));
    assertThat(cli.run("cron", "suspend", "nightly").out()).isEqualTo("CronWorkflow 'nightly' suspended\n");
    assertThat(cli.run("cron", "resume", "nightly").out()).isEqualTo("CronWorkflow 'nightly' resumed\n");
    assertThat(Json.string(server.the("PUT", "/api/v1/cron-workflows/default/nightly/suspend").json()))
        .isEqualTo("{\"name\":\"nightly\",\"namespace\":\"default\"}");
    assertThat(cli.run("cron", "list").out()).isEqualTo("""
        NAME      AGE    LAST RUN   SCHEDULE    TIMEZONE   SUSPENDED
        nightly   1h2m   8h2m       0 2 * * *   UTC        true
        """);
  }

  @Test
  void getKindListsAndGetsAnyKind() {
    server.on("GET /api/v1/event-sources/default", json(items(object("EventSource", "webhook"))));
    server.on("GET /api/v1/event-buses/default/default", json(object("EventBus", "default")));
    assertThat(cli.run("get", "eventsources", "-o", "name").out()).isEqualTo("webhook\n");
    assertThat(cli.run("get", "eb", "default", "-o", "json").out()).contains("\"kind\" : \"EventBus\"");
    assertThat(cli.run("get", "widgets", "x")).satisfies(r -> {
      assertThat(r.code()).isEqualTo(2);
      assertThat(r.err()).contains("unknown kind 'widgets'");
    });
  }
}
