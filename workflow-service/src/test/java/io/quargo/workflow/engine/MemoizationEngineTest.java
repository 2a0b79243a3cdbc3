package io.quargo.workflow.engine;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** {@code memoize} as Argo documents it: miss runs and stores, hit completes from the cache, maxAge, errors. */
class MemoizationEngineTest {
  private static final String WF = """
      apiVersion: argoproj.io/v1alpha1
      kind: Workflow
      metadata: {name: NAME}
      spec:
        entrypoint: main
        arguments: {parameters: [{name: who, value: world}]}
        templates:
        - name: main
          steps:
          - - name: hello
              template: hello
              arguments: {parameters: [{name: who, value: "{{workflow.parameters.who}}"}]}
          - - name: use
              template: echo
              arguments: {parameters: [{name: text, value: "{{steps.hello.outputs.result}}"}]}
        - name: hello
          inputs: {parameters: [{name: who}]}
          memoize:
            key: "hello-{{inputs.parameters.who}}"
            MAXAGE
            cache: {configMap: {name: greetings}}
          container: {image: busybox, command: [echo, "{{inputs.parameters.who}}"]}
        - name: echo
          inputs: {parameters: [{name: text}]}
          container: {image: busybox, command: [echo, "{{inputs.parameters.text}}"]}
      """;

  private final InMemoryMemoCache cache = new InMemoryMemoCache();

  private EngineHarness harness(String name, String maxAge) {
    EngineHarness h = new EngineHarness(WF.replace("NAME", name)
        .replace("MAXAGE", maxAge == null ? "" : "maxAge: \"" + maxAge + "\""));
    h.engine.withMemoCache(cache);
    return h;
  }

  @Test
  void aMissRunsTheNodeAndStoresItsOutputsAndTheNextRunIsAHitThatDoesNotRun() {
    EngineHarness first = harness("first", null).output("hello", "hi from the first run");
    first.runToEnd();
    Node ran = first.node("first[0].hello");
    assertThat(ran.phase).isEqualTo(NodePhase.Succeeded);
    assertThat(ran.memoizationStatus).isEqualTo(new MemoizationStatus(false, "hello-world", "greetings"));
    assertThat(first.started).extracting(t -> t.nodeName()).contains("first[0].hello");
    JsonNode json = first.run.status().path("nodes").path(ran.id).path("memoizationStatus");
    assertThat(json.toString()).isEqualTo("{\"hit\":false,\"key\":\"hello-world\",\"cacheName\":\"greetings\"}");

    Optional<MemoEntry> stored = cache.get("default", "greetings", "hello-world", EngineHarness.T0);
    assertThat(stored).isPresent();
    assertThat(stored.get().nodeId()).isEqualTo(ran.id);
    assertThat(stored.get().outputs().path("result").asText()).isEqualTo("hi from the first run");

    EngineHarness second = harness("second", null).output("hello", "this must not be seen");
    second.runToEnd();
    Node hit = second.node("second[0].hello");
    assertThat(second.run.phase).isEqualTo("Succeeded");
    assertThat(hit.phase).isEqualTo(NodePhase.Succeeded);
    assertThat(hit.type).isEqualTo(NodeType.Pod);
    assertThat(hit.memoizationStatus).isEqualTo(new MemoizationStatus(true, "hello-world", "greetings"));
    assertThat(hit.outputs).isEqualTo(ran.outputs);
    assertThat(second.started).extracting(t -> t.nodeName()).doesNotContain("second[0].hello")
        .contains("second[1].use");
    // the step after it reads the cached output
    assertThat(second.started.get(0).template().path("container").path("command").toString())
        .contains("hi from the first run");
    assertThat(second.run.status().path("nodes").path(hit.id).path("memoizationStatus").path("hit").asBoolean())
        .isTrue();
  }

  @Test
  void aFailedNodeIsNotCachedSoTheNextRunRunsItAgain() {
    harness("first", null).fail("hello", 2).runToEnd();
    assertThat(cache.get("default", "greetings", "hello-world", EngineHarness.T0)).isEmpty();
    EngineHarness second = harness("second", null).runToEnd();
    assertThat(second.node("second[0].hello").memoizationStatus.hit()).isFalse();
    assertThat(second.started).extracting(t -> t.nodeName()).contains("second[0].hello");
  }

  @Test
  void anEntryOlderThanMaxAgeIsAMissAndIsReplaced() {
    EngineHarness first = harness("first", "10s").output("hello", "old");
    first.runToEnd();
    Instant stored = cache.get("default", "greetings", "hello-world", first.now).orElseThrow().creationTimestamp();

    EngineHarness young = harness("young", "10s");
    young.now = stored.plusSeconds(10); // exactly maxAge old: still valid
    young.runToEnd();
    assertThat(young.node("young[0].hello").memoizationStatus.hit()).isTrue();
    assertThat(young.node("young[0].hello").result()).isEqualTo("old");

    EngineHarness old = harness("old", "10s").output("hello", "new");
    old.now = stored.plusSeconds(11);
    old.runToEnd();
    Node rerun = old.node("old[0].hello");
    assertThat(rerun.memoizationStatus).isEqualTo(new MemoizationStatus(false, "hello-world", "greetings"));
    assertThat(rerun.result()).isEqualTo("new");
    assertThat(cache.get("default", "greetings", "hello-world", old.now).orElseThrow().outputs().path("result")
        .asText()).isEqualTo("new");
  }

  @Test
  void aKeyArgosCacheRefusesOrABadMaxAgeIsAnErrorNodeThatNeverRuns() {
    EngineHarness badKey = new EngineHarness(WF.replace("NAME", "k").replace("MAXAGE", "")
        .replace("hello-{{inputs.parameters.who}}", "hello.{{inputs.parameters.who}}"));
    badKey.engine.withMemoCache(cache);
    badKey.runToEnd();
    assertThat(badKey.node("k[0].hello").phase).isEqualTo(NodePhase.Error);
    assertThat(badKey.node("k[0].hello").message).isEqualTo("invalid cache key: hello.world");
    assertThat(badKey.started).isEmpty();

    EngineHarness badAge = harness("a", "10 parsecs").runToEnd();
    assertThat(badAge.node("a[0].hello").phase).isEqualTo(NodePhase.Error);
    assertThat(badAge.node("a[0].hello").message).startsWith("invalid maxAge: time: ");
    assertThat(badAge.run.phase).isEqualTo("Failed"); // an Error step fails its steps
  }

  @Test
  void aCacheThatFailsMakesTheNodeErrorWithTheReason() {
    EngineHarness h = harness("f", null);
    h.engine.withMemoCache(new MemoCache() {
      @Override
      public Optional<MemoEntry> get(String ns, String name, String key, Instant now) {
        return Optional.empty();
      }

      @Override
      public void put(String ns, String name, String key, MemoEntry entry) {
        throw new IllegalStateException("bucket unavailable");
      }
    });
    h.runToEnd();
    Node node = h.node("f[0].hello");
    assertThat(node.phase).isEqualTo(NodePhase.Error);
    assertThat(node.message).isEqualTo("memoization cache greetings could not store key hello-world: bucket unavailable");
  }

  @Test
  void aMemoizedStepsTemplateCachesItsOutputsAndAHitSkipsItsWholeSubtree() {
    String yaml = """
        apiVersion: argoproj.io/v1alpha1
        kind: Workflow
        metadata: {name: NAME}
        spec:
          entrypoint: outer
          templates:
          - name: outer
            memoize: {key: same, cache: {configMap: {name: c}}}
            steps:
            - - {name: inner, template: echo}
            outputs:
              parameters:
              - name: said
                valueFrom: {parameter: "{{steps.inner.outputs.result}}"}
          - name: echo
            container: {image: busybox, command: [echo, hi]}
        """;
    EngineHarness first = new EngineHarness(yaml.replace("NAME", "s1")).output("inner", "computed");
    first.engine.withMemoCache(cache);
    first.runToEnd();
    assertThat(first.node("s1").memoizationStatus.hit()).isFalse();
    assertThat(first.node("s1").output("said")).isEqualTo("computed");

    EngineHarness second = new EngineHarness(yaml.replace("NAME", "s2"));
    second.engine.withMemoCache(cache);
    second.runToEnd();
    assertThat(second.run.phase).isEqualTo("Succeeded");
    assertThat(second.names()).containsExactly("s2");
    assertThat(second.node("s2").type).isEqualTo(NodeType.Steps);
    assertThat(second.node("s2").memoizationStatus.hit()).isTrue();
    assertThat(second.node("s2").output("said")).isEqualTo("computed");
    assertThat(second.started).isEmpty();
  }
}
