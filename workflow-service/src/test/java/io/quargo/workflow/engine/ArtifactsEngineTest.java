package io.quargo.workflow.engine;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.quargo.core.Json;
import io.quargo.workflow.executor.ExecutionResult;
import io.quargo.workflow.executor.ExecutionTask;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Artifact locations through the engine: recorded on outputs, copied onto inputs by {@code from}. */
class ArtifactsEngineTest {

  private static ObjectNode nats(String key) {
    ObjectNode location = Json.object();
    location.putObject("nats").put("bucket", "quargo-artifacts").put("key", key);
    return location;
  }

  private static ExecutionTask started(EngineHarness h, String displayName) {
    return h.started.stream().filter(t -> h.run.nodeById(t.nodeId()).displayName.equals(displayName))
        .findFirst().orElseThrow();
  }

  @Test
  void aDagTaskGetsTheLocationOfTheArtifactItConsumesAndANestedStepsTemplateReExportsIt() {
    EngineHarness h = new EngineHarness("""
        apiVersion: argoproj.io/v1alpha1
        kind: Workflow
        metadata: {name: wf}
        spec:
          entrypoint: main
          templates:
          - name: main
            dag:
              tasks:
              - {name: make, template: wrap}
              - name: use
                template: use
                depends: make
                arguments:
                  artifacts:
                  - {name: in, from: "{{tasks.make.outputs.artifacts.wrapped}}"}
          - name: wrap
            steps:
            - - {name: inner, template: produce}
            outputs:
              artifacts:
              - {name: wrapped, from: "{{steps.inner.outputs.artifacts.out}}"}
          - name: produce
            container: {image: busybox}
            outputs:
              artifacts:
              - {name: out, path: /tmp/out, globalName: exported}
          - name: use
            inputs:
              artifacts:
              - {name: in, path: /tmp/in}
            container: {image: busybox}
        """);
    h.outcomes.put("inner", t -> new ExecutionResult("Succeeded", null, 0, null, Map.of(),
        Map.of("out", nats("wf/" + t.podName() + "/out.tgz")), h.now));
    h.runToEnd();
    assertThat(h.run.phase).isEqualTo("Succeeded");
    String key = "wf/" + started(h, "inner").podName() + "/out.tgz";
    assertThat(started(h, "use").template().path("inputs").path("artifacts").get(0).toString())
        .isEqualTo("{\"name\":\"in\",\"path\":\"/tmp/in\",\"nats\":{\"bucket\":\"quargo-artifacts\",\"key\":\""
            + key + "\"}}");
    assertThat(h.node("wf.make").outputs.path("artifacts").get(0).path("nats").path("key").asText()).isEqualTo(key);
    assertThat(h.run.status().path("outputs").path("artifacts").toString()).isEqualTo("[{\"name\":\"exported\","
        + "\"path\":\"/tmp/out\",\"nats\":{\"bucket\":\"quargo-artifacts\",\"key\":\"" + key + "\"}}]");
  }

  @Test
  void aFromThatNamesNoArtifactIsAnErrorOnTheConsumer() {
    EngineHarness h = new EngineHarness("""
        apiVersion: argoproj.io/v1alpha1
        kind: Workflow
        metadata: {name: wf}
        spec:
          entrypoint: main
          templates:
          - name: main
            steps:
            - - name: use
                template: use
                arguments:
                  artifacts:
                  - {name: in, from: "/some/host/path"}
          - name: use
            inputs:
              artifacts:
              - {name: in, path: /tmp/in}
            container: {image: busybox}
        """);
    h.runToEnd();
    assertThat(h.node("wf[0].use").phase).isEqualTo(NodePhase.Error);
    assertThat(h.node("wf[0].use").message).isEqualTo("inputs.artifacts.in.from '/some/host/path' does not name "
        + "an artifact; use {{steps.<step>.outputs.artifacts.<name>}} or {{tasks.<task>.outputs.artifacts.<name>}}");
    assertThat(h.started).isEmpty();
  }
}
