package io.quargo.sensor.trigger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.quargo.core.resource.ArgoKinds;
import io.quargo.core.resource.InMemoryResourceStore;
import io.quargo.core.resource.Resource;
import io.quargo.kube.ClusterAccess;
import io.quargo.sensor.Yaml;
import io.quargo.sensor.runner.FakePacer;
import io.quargo.sensor.trigger.k8s.ClusterTarget;
import io.quargo.sensor.trigger.k8s.LocalTarget;
import java.time.Clock;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The k8s trigger in standalone mode on kinds the store holds, with an in-memory store (Workflows, which go to
 * the workflow-service as commands, are covered by the standalone server's UpstreamK8sWorkflowSensorsRunIT).
 */
class K8sTriggerLocalTest {
  private final InMemoryResourceStore store = new InMemoryResourceStore();
  private final FakePacer pacer = new FakePacer();
  private final K8sTrigger trigger = new K8sTrigger(new LocalTarget(null, store,
      new ClusterTarget(ClusterAccess.none())), pacer, Clock.systemUTC());

  private static String k8s(String body) {
    return "template:\n  name: t\n  k8s:\n" + body.indent(4);
  }

  private List<Resource> configMaps() {
    return store.list(ArgoKinds.CONFIG_MAP, "ns").items();
  }

  @Test
  void createsAStoredKindOncePerFiring() {
    String create = k8s("""
        source:
          resource: {apiVersion: v1, kind: ConfigMap, metadata: {generateName: limits-}, data: {workflow: "1"}}
        parameters: [{src: {dependencyName: dep, dataKey: body.n}, dest: data.workflow}]""");
    Fire.fire(trigger, Fire.sensor(create));
    Fire.fire(trigger, Fire.sensor(create));
    assertThat(configMaps()).hasSize(1);
    Resource cm = configMaps().get(0);
    assertThat(cm.name()).startsWith("limits-");
    assertThat(cm.tree().path("data").path("workflow").asText()).isEqualTo("7");
    assertThat(cm.labels()).containsEntry(K8sTrigger.EXECUTION_KEY, "exec-key-1");
  }

  @Test
  void updatesPatchesAndDeletesStoredObjects() {
    store.create(Yaml.resource("{apiVersion: argoproj.io/v1alpha1, kind: WorkflowTemplate, "
        + "metadata: {name: greet, namespace: ns}, spec: {entrypoint: main, templates: []}}"));
    Fire.fire(trigger, Fire.sensor(k8s("""
        operation: update
        source:
          resource: {apiVersion: argoproj.io/v1alpha1, kind: WorkflowTemplate, metadata: {name: greet},
                     spec: {arguments: {parameters: [{name: who}]}}}
        parameters: [{src: {dependencyName: dep, dataKey: body.name}, dest: spec.arguments.parameters.0.value}]""")));
    Resource template = store.get(ArgoKinds.WORKFLOW_TEMPLATE, "ns", "greet").orElseThrow();
    assertThat(template.spec().path("entrypoint").asText()).isEqualTo("main");
    assertThat(template.spec().at("/arguments/parameters/0/value").asText()).isEqualTo("Obi");

    Fire.fire(trigger, Fire.sensor(k8s("""
        operation: patch
        source:
          resource: {apiVersion: argoproj.io/v1alpha1, kind: WorkflowTemplate, metadata: {name: greet},
                     spec: {entrypoint: other}}""")));
    assertThat(store.get(ArgoKinds.WORKFLOW_TEMPLATE, "ns", "greet").orElseThrow().spec().path("entrypoint")
        .asText()).isEqualTo("other");

    Fire.fire(trigger, Fire.sensor(k8s("""
        operation: patch
        patchStrategy: application/json-patch+json
        source:
          resource:
            apiVersion: argoproj.io/v1alpha1
            kind: WorkflowTemplate
            metadata: {name: greet}
            patch: [{op: add, path: /spec/templates/-, value: {name: main}}]""")));
    assertThat(store.get(ArgoKinds.WORKFLOW_TEMPLATE, "ns", "greet").orElseThrow().spec().at("/templates/0/name")
        .asText()).isEqualTo("main");

    String delete = k8s("""
        operation: delete
        source: {resource: {apiVersion: argoproj.io/v1alpha1, kind: WorkflowTemplate, metadata: {name: greet}}}""");
    Fire.fire(trigger, Fire.sensor(delete));
    assertThat(store.get(ArgoKinds.WORKFLOW_TEMPLATE, "ns", "greet")).isEmpty();
    Fire.fire(trigger, Fire.sensor(delete));
  }

  @Test
  void aJsonPatchThatDoesNotApplyIsAPermanentFailure() {
    store.create(Yaml.resource("{apiVersion: v1, kind: ConfigMap, metadata: {name: c, namespace: ns}}"));
    assertThatThrownBy(() -> Fire.fire(trigger, Fire.sensor(k8s("""
        operation: patch
        patchStrategy: application/json-patch+json
        source:
          resource: {apiVersion: v1, kind: ConfigMap, metadata: {name: c},
                     patch: [{op: replace, path: /data/missing, value: x}]}"""))))
        .isInstanceOf(TriggerFailure.class).matches(e -> ((TriggerFailure) e).permanent())
        .hasMessageContaining("spec.triggers[0].template.k8s: patch ConfigMap.v1 ns/c: the JSON patch does not apply");
  }

  @Test
  void policyLabelsOfAWorkflowAreItsPhaseAsArgosControllerWouldLabelIt() {
    Resource wf = store.create(Yaml.resource("{apiVersion: argoproj.io/v1alpha1, kind: Workflow, "
        + "metadata: {name: w, namespace: ns}, spec: {entrypoint: main}}"));
    ObjectNode status = (ObjectNode) Yaml.tree("{phase: Succeeded}");
    store.updateStatus(wf.withStatus(status));
    Fire.fire(trigger, Fire.sensor(k8s("""
        operation: patch
        source: {resource: {apiVersion: argoproj.io/v1alpha1, kind: Workflow,
                 metadata: {name: w, labels: {seen: "yes"}}}}""") + """
        policy: {k8s: {labels: {workflows.argoproj.io/phase: Succeeded, workflows.argoproj.io/completed: "true"},
                 errorOnBackoffTimeout: true}}"""));
    assertThat(pacer.sleeps).isEmpty();
    assertThat(store.get(ArgoKinds.WORKFLOW, "ns", "w").orElseThrow().labels()).containsEntry("seen", "yes")
        .doesNotContainKey("workflows.argoproj.io/phase");
  }

  @Test
  void otherKindsNeedAnApiserver() {
    assertThatThrownBy(() -> Fire.fire(trigger, Fire.sensor(k8s("""
        source: {resource: {apiVersion: v1, kind: Pod, metadata: {generateName: p-}}}"""))))
        .isInstanceOf(TriggerFailure.class).matches(e -> ((TriggerFailure) e).permanent())
        .hasMessageStartingWith("spec.triggers[0].template.k8s: k8s trigger for Pod needs cluster mode or a "
            + "kubeconfig: ");
  }
}
