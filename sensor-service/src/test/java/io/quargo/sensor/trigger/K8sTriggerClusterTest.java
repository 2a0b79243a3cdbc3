package io.quargo.sensor.trigger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.ConfigMapBuilder;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.apiextensions.v1.CustomResourceDefinitionBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.server.mock.EnableKubernetesMockClient;
import io.quargo.kube.ClusterAccess;
import io.quargo.sensor.conditions.Firing;
import io.quargo.sensor.parameters.TriggerParameters;
import io.quargo.sensor.runner.FakePacer;
import io.quargo.sensor.spec.Sensor;
import io.quargo.sensor.spec.SensorSpecException;
import io.quargo.sensor.spec.Trigger;
import io.quargo.sensor.trigger.k8s.ClusterTarget;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The k8s trigger against fabric8's CRUD mock apiserver; the Sensor lives in namespace ns. */
@EnableKubernetesMockClient(crud = true)
class K8sTriggerClusterTest {
  static KubernetesClient client;

  private final FakePacer pacer = new FakePacer();
  private final K8sTrigger trigger = new K8sTrigger(new ClusterTarget(ClusterAccess.of(client)), pacer,
      Clock.fixed(Instant.ofEpochMilli(1_700_000_000_000L), ZoneOffset.UTC));

  private static final String POD = """
      template:
        name: pod-trigger
        k8s:
          operation: create
          source:
            resource:
              apiVersion: v1
              kind: Pod
              metadata: {generateName: hello-world-}
              spec:
                containers: [{name: hello, image: busybox, command: [echo], args: [hello-world]}]
          parameters:
            - src: {dependencyName: dep, dataKey: body.message}
              dest: spec.containers.0.args.0""";

  @AfterEach
  void clean() {
    client.pods().inNamespace("ns").delete();
    client.configMaps().inNamespace("ns").delete();
    client.configMaps().inNamespace("other").delete();
  }

  private void fire(Sensor sensor, Firing firing) {
    Trigger t = sensor.triggers().get(0);
    trigger.validate(t);
    var template = (com.fasterxml.jackson.databind.node.ObjectNode) TriggerParameters.apply(t.template(),
        t.parameters(), firing.events());
    trigger.execute(sensor, t, template, firing);
  }

  private static Firing firing(String key) {
    return new Firing("t", key, Map.of("dep", Fire.EVENT), Instant.EPOCH);
  }

  private ConfigMap configMap(String name, Map<String, String> data) {
    return client.configMaps().inNamespace("ns").resource(new ConfigMapBuilder().withNewMetadata().withName(name)
        .endMetadata().withData(data).build()).create();
  }

  @Test
  void createsThePodWithTheParameterAndArgosLabelsAndTheExecutionKey() {
    fire(Fire.sensor(POD), Fire.FIRING);
    List<Pod> pods = client.pods().inNamespace("ns").list().getItems();
    assertThat(pods).hasSize(1);
    Pod pod = pods.get(0);
    assertThat(pod.getMetadata().getName()).startsWith("hello-world-");
    assertThat(pod.getSpec().getContainers().get(0).getArgs()).containsExactly("disk full");
    assertThat(pod.getMetadata().getLabels()).containsEntry("events.argoproj.io/sensor", "s")
        .containsEntry("events.argoproj.io/trigger", "pod-trigger")
        .containsEntry("events.argoproj.io/action-timestamp", "1700000000000")
        .containsEntry(K8sTrigger.EXECUTION_KEY, "exec-key-1");
    assertThat(pod.getMetadata().getAnnotations()).containsEntry(K8sTrigger.EXECUTION_KEY, "exec-key-1");
  }

  @Test
  void aRepeatedFiringFindsItsObjectInsteadOfMakingASecondOneWithGenerateName() {
    Sensor sensor = Fire.sensor(POD);
    fire(sensor, Fire.FIRING);
    fire(sensor, Fire.FIRING);
    assertThat(client.pods().inNamespace("ns").list().getItems()).hasSize(1);
    fire(sensor, firing("exec-key-2"));
    assertThat(client.pods().inNamespace("ns").list().getItems()).hasSize(2)
        .extracting(p -> p.getMetadata().getLabels().get(K8sTrigger.EXECUTION_KEY))
        .containsExactlyInAnyOrder("exec-key-1", "exec-key-2");
  }

  @Test
  void aKeyThatIsNoLabelValueIsLabelledByItsHash() {
    fire(Fire.sensor(POD), firing("ns/s/t: not a label"));
    Pod pod = client.pods().inNamespace("ns").list().getItems().get(0);
    assertThat(pod.getMetadata().getLabels().get(K8sTrigger.EXECUTION_KEY)).matches("[0-9a-f]{32}");
    assertThat(pod.getMetadata().getAnnotations()).containsEntry(K8sTrigger.EXECUTION_KEY, "ns/s/t: not a label");
    fire(Fire.sensor(POD), firing("ns/s/t: not a label"));
    assertThat(client.pods().inNamespace("ns").list().getItems()).hasSize(1);
  }

  @Test
  void theManifestsNamespaceWinsOverTheSensors() {
    fire(Fire.sensor("""
        template:
          name: cm
          k8s:
            source:
              resource: {apiVersion: v1, kind: ConfigMap, metadata: {name: c, namespace: other}, data: {a: "1"}}"""),
        Fire.FIRING);
    assertThat(client.configMaps().inNamespace("other").withName("c").get().getData()).containsEntry("a", "1");
    assertThat(client.configMaps().inNamespace("ns").withName("c").get()).isNull();
  }

  @Test
  void createsAWorkflowOfAnInstalledCustomResourceDefinition() {
    client.apiextensions().v1().customResourceDefinitions().resource(new CustomResourceDefinitionBuilder()
        .withNewMetadata().withName("workflows.argoproj.io").endMetadata()
        .withNewSpec().withGroup("argoproj.io").withScope("Namespaced")
        .withNewNames().withKind("Workflow").withPlural("workflows").withSingular("workflow").endNames()
        .addNewVersion().withName("v1alpha1").withServed(true).withStorage(true).endVersion().endSpec().build())
        .createOr(existing -> existing.update());
    Sensor sensor = Fire.sensor("""
        template:
          name: wf
          k8s:
            operation: create
            source:
              resource:
                apiVersion: argoproj.io/v1alpha1
                kind: Workflow
                metadata: {generateName: webhook-}
                spec:
                  entrypoint: print-message
                  arguments: {parameters: [{name: message, value: hello world}]}
                  templates: [{name: print-message, container: {image: busybox, command: [echo]}}]
            parameters:
              - src: {dependencyName: dep, dataKey: body.message}
                dest: spec.arguments.parameters.0.value""");
    fire(sensor, Fire.FIRING);
    fire(sensor, Fire.FIRING);
    List<GenericKubernetesResource> wfs = client.genericKubernetesResources("argoproj.io/v1alpha1", "Workflow")
        .inNamespace("ns").list().getItems();
    assertThat(wfs).hasSize(1);
    assertThat(wfs.get(0).getMetadata().getName()).startsWith("webhook-");
    assertThat(((Map<?, ?>) ((List<?>) ((Map<?, ?>) ((Map<?, ?>) wfs.get(0).getAdditionalProperties().get("spec"))
        .get("arguments")).get("parameters")).get(0)).get("value")).isEqualTo("disk full");
  }

  @Test
  void updateMergesTheManifestIntoTheLiveObjectAndCreatesItWhenAbsent() {
    String update = """
        template:
          name: up
          k8s:
            operation: update
            source:
              resource: {apiVersion: v1, kind: ConfigMap, metadata: {name: settings, labels: {team: a}}, data: {b: x}}
            parameters: [{src: {dependencyName: dep, dataKey: body.name}, dest: data.b}]""";
    fire(Fire.sensor(update), Fire.FIRING);
    assertThat(client.configMaps().inNamespace("ns").withName("settings").get().getData())
        .isEqualTo(Map.of("b", "Obi"));
    client.configMaps().inNamespace("ns").withName("settings").edit(c -> {
      c.getData().put("a", "kept");
      c.getData().put("b", "old");
      return c;
    });
    fire(Fire.sensor(update), Fire.FIRING);
    fire(Fire.sensor(update), Fire.FIRING);
    ConfigMap cm = client.configMaps().inNamespace("ns").withName("settings").get();
    assertThat(cm.getData()).isEqualTo(Map.of("a", "kept", "b", "Obi"));
    assertThat(cm.getMetadata().getLabels()).containsEntry("team", "a");
  }

  @Test
  void updateOfTheLiveObjectAppliesParametersToWhatIsThere() {
    configMap("live", Map.of("count", "1", "keep", "yes"));
    fire(Fire.sensor("""
        template:
          name: live
          k8s:
            operation: update
            liveObject: true
            source:
              resource: {apiVersion: v1, kind: ConfigMap, metadata: {name: live, namespace: ns}}
            parameters: [{src: {dependencyName: dep, dataKey: body.n}, dest: data.count, operation: append}]"""),
        Fire.FIRING);
    assertThat(client.configMaps().inNamespace("ns").withName("live").get().getData())
        .isEqualTo(Map.of("count", "17", "keep", "yes"));
  }

  @Test
  void mergePatchChangesOnlyWhatItNames() {
    configMap("p", Map.of("a", "1", "b", "2"));
    fire(Fire.sensor("""
        template:
          name: patch
          k8s:
            operation: patch
            source:
              resource: {apiVersion: v1, kind: ConfigMap, metadata: {name: p}, data: {b: changed}}
            parameters: [{src: {dependencyName: dep, dataKey: body.key}, dest: data.c}]"""), Fire.FIRING);
    assertThat(client.configMaps().inNamespace("ns").withName("p").get().getData())
        .isEqualTo(Map.of("a", "1", "b", "changed", "c", "k-7"));
  }

  @Test
  void jsonPatchSendsTheOperationsOfThePatchList() {
    configMap("j", Map.of("a", "1", "gone", "x"));
    fire(Fire.sensor("""
        template:
          name: patch
          k8s:
            operation: patch
            patchStrategy: application/json-patch+json
            source:
              resource:
                apiVersion: v1
                kind: ConfigMap
                metadata: {name: j}
                patch:
                  - {op: replace, path: /data/a, value: placeholder}
                  - {op: remove, path: /data/gone}
            parameters: [{src: {dependencyName: dep, dataKey: body.name}, dest: patch.0.value}]"""),
        Fire.FIRING);
    assertThat(client.configMaps().inNamespace("ns").withName("j").get().getData()).isEqualTo(Map.of("a", "Obi"));
    assertThatThrownBy(() -> fire(Fire.sensor("""
        template:
          name: patch
          k8s:
            operation: patch
            patchStrategy: application/json-patch+json
            source:
              resource:
                apiVersion: v1
                kind: ConfigMap
                metadata: {name: absent}
                patch: [{op: add, path: /data/a, value: x}]"""), Fire.FIRING))
        .isInstanceOf(TriggerFailure.class).matches(e -> !((TriggerFailure) e).permanent())
        .hasMessage("spec.triggers[0].template.k8s: patch ConfigMap.v1 ns/absent: there is no such object to "
            + "apply the JSON patch to");
    assertThat(client.configMaps().inNamespace("ns").withName("absent").get()).isNull();
  }

  @Test
  void deleteRemovesTheObjectAndARepeatFindsNothingToDo() {
    configMap("d", Map.of("a", "1"));
    Sensor sensor = Fire.sensor("""
        template:
          name: del
          k8s:
            operation: delete
            source:
              resource: {apiVersion: v1, kind: ConfigMap, metadata: {name: d}}""");
    fire(sensor, Fire.FIRING);
    assertThat(client.configMaps().inNamespace("ns").withName("d").get()).isNull();
    fire(sensor, Fire.FIRING);
    assertThat(client.configMaps().inNamespace("ns").withName("d").get()).isNull();
  }

  @Test
  void theManifestMayComeFromAConfigMapInTheSensorsNamespace() {
    configMap("workflow-cm", Map.of("wf", "apiVersion: v1\nkind: ConfigMap\nmetadata: {name: from-cm}\n"
        + "data: {made: 'yes'}\n"));
    fire(Fire.sensor("""
        template:
          name: cm
          k8s:
            operation: create
            source: {configmap: {name: workflow-cm, key: wf}}"""), Fire.FIRING);
    assertThat(client.configMaps().inNamespace("ns").withName("from-cm").get().getData())
        .containsEntry("made", "yes");
    assertThatThrownBy(() -> fire(Fire.sensor("""
        template:
          name: cm
          k8s:
            source: {configmap: {name: workflow-cm, key: missing}}"""), Fire.FIRING))
        .isInstanceOf(TriggerFailure.class).hasMessageContaining("spec.triggers[0].template.k8s.source.configmap")
        .hasMessageContaining("has no key 'missing'");
  }

  @Test
  void policyWaitsForTheLabelsAndFailsOnTimeoutOnlyWhenAskedTo() {
    String labelled = """
        template:
          name: cm
          k8s:
            source:
              resource: {apiVersion: v1, kind: ConfigMap, metadata: {generateName: c-, labels: {phase: %s}}}
        policy:
          k8s:
            labels: {phase: Succeeded}
            backoff: {steps: 3, duration: 1s, factor: 2}
            errorOnBackoffTimeout: %s""";
    fire(Fire.sensor(labelled.formatted("Succeeded", true)), Fire.FIRING);
    assertThat(pacer.sleeps).isEmpty();
    assertThatThrownBy(() -> fire(Fire.sensor(labelled.formatted("Running", true)), firing("k2")))
        .isInstanceOf(TriggerFailure.class).matches(e -> !((TriggerFailure) e).permanent())
        .hasMessageContaining("spec.triggers[0].policy.k8s").hasMessageContaining("after 3 looks")
        .hasMessageContaining("Running");
    assertThat(pacer.sleeps).containsExactly(Duration.ofSeconds(1), Duration.ofSeconds(2));
    fire(Fire.sensor(labelled.formatted("Running", false)), firing("k3"));
    assertThat(client.configMaps().inNamespace("ns").list().getItems()).hasSize(3);
  }

  @Test
  void refusedWritesAreFailuresNamingTheTrigger() {
    configMap("taken", Map.of());
    assertThatThrownBy(() -> fire(Fire.sensor("""
        template:
          name: cm
          k8s:
            source:
              resource: {apiVersion: v1, kind: ConfigMap, metadata: {name: taken}}"""), Fire.FIRING))
        .isInstanceOf(TriggerFailure.class).matches(e -> ((TriggerFailure) e).permanent())
        .hasMessageStartingWith("spec.triggers[0].template.k8s: create ConfigMap.v1 ns/taken")
        .hasMessageContaining("HTTP 409");
  }

  @Test
  void badManifestsFailWithTheirJsonPath() {
    assertThatThrownBy(() -> fire(Fire.sensor("""
        template:
          name: t
          k8s:
            source: {resource: {kind: Pod, metadata: {name: p}}}"""), Fire.FIRING))
        .isInstanceOf(TriggerFailure.class)
        .hasMessage("spec.triggers[0].template.k8s.source.resource.apiVersion: is required");
    assertThatThrownBy(() -> fire(Fire.sensor("""
        template:
          name: t
          k8s:
            operation: patch
            source: {resource: {apiVersion: v1, kind: Pod, metadata: {generateName: p-}}}"""), Fire.FIRING))
        .hasMessage("spec.triggers[0].template.k8s.source.resource.metadata.name: patch needs the object's name");
    assertThatThrownBy(() -> fire(Fire.sensor("""
        template:
          name: t
          k8s:
            source: {resource: {apiVersion: v1, kind: Pod, metadata: {labels: {a: b}}}}"""), Fire.FIRING))
        .hasMessage("spec.triggers[0].template.k8s.source.resource.metadata: needs name or generateName");
  }

  @Test
  void specsThatCannotWorkAreRefusedAtStartWithTheirPath() {
    assertRefused("operation: apply\nsource: {resource: {apiVersion: v1, kind: Pod}}",
        "spec.triggers[0].template.k8s.operation", "got 'apply'");
    assertRefused("source: {url: {path: 'https://example.org/wf.yaml'}}",
        "spec.triggers[0].template.k8s.source.url", "is not supported");
    assertRefused("source: {git: {url: 'https://example.org/r.git'}}",
        "spec.triggers[0].template.k8s.source.git", "is not supported");
    assertRefused("source: {s3: {bucket: {name: b}}}", "spec.triggers[0].template.k8s.source.s3", "is not supported");
    assertRefused("source: {}", "spec.triggers[0].template.k8s.source", "needs resource");
    assertRefused("source: {inline: '- a list'}", "spec.triggers[0].template.k8s.source.inline", "one manifest");
    assertRefused("source: {configmap: {name: x}}", "spec.triggers[0].template.k8s.source.configmap", "key");
    assertRefused("operation: patch\npatchStrategy: application/apply-patch+yaml\n"
        + "source: {resource: {apiVersion: v1, kind: Pod}}", "spec.triggers[0].template.k8s.patchStrategy",
        "apply-patch");
    assertRefused("operation: patch\npatchStrategy: application/json-patch+json\n"
        + "source: {resource: {apiVersion: v1, kind: Pod, metadata: {name: p}}}",
        "spec.triggers[0].template.k8s.source.resource.patch", "RFC 6902");
  }

  private void assertRefused(String k8sYaml, String path, String text) {
    Trigger t = Fire.sensor("template:\n  name: t\n  k8s:\n" + k8sYaml.indent(4)).triggers().get(0);
    assertThatThrownBy(() -> trigger.validate(t)).isInstanceOf(SensorSpecException.class)
        .hasMessageContaining(path).hasMessageContaining(text);
  }

  @Test
  void withoutAnApiserverTheTriggerSaysWhatItNeeds() {
    K8sTrigger none = new K8sTrigger(new ClusterTarget(ClusterAccess.none()));
    assertThatThrownBy(() -> Fire.fire(none, Fire.sensor(POD))).isInstanceOf(TriggerFailure.class)
        .matches(e -> ((TriggerFailure) e).permanent())
        .hasMessageContaining("spec.triggers[0].template.k8s: k8s trigger for Pod needs cluster mode or a kubeconfig");
  }
}
