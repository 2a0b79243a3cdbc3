package io.quargo.standalone.api;

import static io.quargo.standalone.api.ApiFixtures.awaitPhase;
import static io.quargo.standalone.api.ApiFixtures.create;
import static io.quargo.standalone.api.ApiFixtures.namespace;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.quargo.eventbus.testkit.NatsTestResource;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

/** The server keeps artifacts in the NATS object store bucket quargo-artifacts and records them there. */
@QuarkusTest
@WithTestResource(NatsTestResource.class)
class ArtifactsEndpointTest {

  private static JsonNode node(JsonNode wf, String displayName) {
    for (JsonNode n : wf.path("status").path("nodes")) {
      if (n.path("displayName").asText().equals(displayName)) {
        return n;
      }
    }
    throw new AssertionError("no node " + displayName + " in " + wf.path("status"));
  }

  @Test
  void anArtifactIsPassedThroughTheObjectStoreAndItsLocationRecorded() {
    String ns = namespace();
    String name = create(ns, """
        metadata: {generateName: artifact-passing-}
        spec:
          entrypoint: main
          templates:
          - name: main
            steps:
            - - {name: generate, template: generate}
            - - name: consume
                template: consume
                arguments:
                  artifacts:
                  - {name: message, from: "{{steps.generate.outputs.artifacts.hello-art}}"}
          - name: generate
            container: {image: busybox, command: [sh, -c, "echo hello world > /tmp/hello_world.txt"]}
            outputs:
              artifacts:
              - {name: hello-art, path: /tmp/hello_world.txt}
          - name: consume
            inputs:
              artifacts:
              - {name: message, path: /tmp/message}
            container: {image: busybox, command: [sh, -c, "cat /tmp/message > /tmp/out"]}
            outputs:
              parameters:
              - {name: read, valueFrom: {path: /tmp/out}}
        """);
    JsonNode wf = awaitPhase(ns, name, "Succeeded");
    JsonNode generate = node(wf, "generate");
    JsonNode art = generate.path("outputs").path("artifacts").get(0);
    assertThat(art.path("nats").path("bucket").asText()).isEqualTo("quargo-artifacts");
    assertThat(art.path("nats").path("key").asText())
        .isEqualTo(name + "/" + generate.path("podName").asText() + "/hello-art.tgz");
    assertThat(node(wf, "consume").path("outputs").path("parameters").get(0).path("value").asText())
        .isEqualTo("hello world");
  }

  @Test
  void anInputArtifactFromGitIsAnErrorNamingItsJsonPath() {
    String ns = namespace();
    String name = create(ns, """
        metadata: {generateName: git-}
        spec:
          entrypoint: clone
          templates:
          - name: clone
            inputs:
              artifacts:
              - {name: src, path: /src, git: {repo: "https://github.com/argoproj/argo-workflows.git"}}
            container: {image: alpine, command: [ls, /src]}
        """);
    JsonNode wf = awaitPhase(ns, name, "Error");
    assertThat(wf.path("status").path("message").asText()).startsWith("spec.templates[0].inputs.artifacts[0].git "
        + "(artifact 'src'): standalone mode fetches input artifacts only from raw, http.url, from:");
  }
}
