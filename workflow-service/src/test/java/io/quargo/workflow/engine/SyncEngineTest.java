package io.quargo.workflow.engine;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Workflow- and template-level {@code synchronization} across several workflows sharing one lock table. */
class SyncEngineTest {

  private static String wfLevel(String sync, int priority) {
    return """
        apiVersion: argoproj.io/v1alpha1
        kind: Workflow
        metadata: {namespace: default}
        spec:
          entrypoint: main
          priority: %d
          synchronization: %s
          templates:
          - name: main
            container: {image: busybox, command: [echo, hi]}
        """.formatted(priority, sync);
  }

  private static final String MUTEX = "{mutexes: [{name: m}]}";
  private static final String SEMAPHORE = "{semaphores: [{configMapKeyRef: {name: my-config, key: workflow}}]}";

  @Test
  void aWorkflowMutexLetsOneWorkflowRunAtATimeInCreationOrder() {
    SyncHarness h = new SyncHarness();
    h.submit("wf1", wfLevel(MUTEX, 0), 1);
    h.submit("wf2", wfLevel(MUTEX, 0), 2);
    h.submit("wf3", wfLevel("{mutex: {name: m}}", 0), 3); // the legacy single form names the same lock

    assertThat(h.runningWorkflows()).containsExactly("wf1");
    WorkflowRun wf2 = h.run("wf2");
    assertThat(wf2.phase).isEqualTo("Pending");
    assertThat(wf2.message).isEqualTo("Waiting for default/Mutex/m lock. Lock status: 0/1");
    assertThat(wf2.startedAt).isNull();
    JsonNode holding = h.run("wf1").status().path("synchronization").path("mutex").path("holding");
    assertThat(holding.toString()).isEqualTo("[{\"holder\":\"default/wf1\",\"mutex\":\"default/Mutex/m\"}]");
    JsonNode waiting = wf2.status().path("synchronization").path("mutex").path("waiting");
    assertThat(waiting.toString()).isEqualTo("[{\"holder\":\"default/wf1\",\"mutex\":\"default/Mutex/m\"}]");

    h.drain();
    assertThat(h.maxRunning).isEqualTo(1);
    assertThat(h.starts).containsExactly("wf1/wf1", "wf2/wf2", "wf3/wf3");
    h.runs.values().forEach(r -> assertThat(r.phase).isEqualTo("Succeeded"));
    h.runs.values().forEach(r -> assertThat(r.status().has("synchronization")).isFalse());
  }

  @Test
  void timeSpentWaitingForAWorkflowLockDoesNotCountTowardsTheDeadline() {
    SyncHarness h = new SyncHarness();
    h.submit("wf1", wfLevel(MUTEX, 0), 1);
    h.submit("wf2", wfLevel(MUTEX, 0).replace("priority: 0", "priority: 0\n  activeDeadlineSeconds: 30"), 2);
    h.now = h.now.plusSeconds(120);
    h.drain();
    assertThat(h.run("wf2").phase).isEqualTo("Succeeded");
    assertThat(h.run("wf2").startedAt).isEqualTo(h.now.minusSeconds(1));
  }

  @Test
  void aSemaphoreOfTwoRunsFiveWorkflowsTwoAtATime() {
    SyncHarness h = new SyncHarness();
    h.configMaps.put("my-config/workflow", "2");
    for (int i = 1; i <= 5; i++) {
      h.submit("wf" + i, wfLevel(SEMAPHORE, 0), i);
    }
    assertThat(h.runningWorkflows()).containsExactly("wf1", "wf2");
    assertThat(h.run("wf3").message)
        .isEqualTo("Waiting for default/ConfigMap/my-config/workflow lock. Lock status: 0/2");
    JsonNode sem = h.run("wf1").status().path("synchronization").path("semaphore");
    assertThat(sem.path("holding").toString())
        .isEqualTo("[{\"holders\":[\"default/wf1\"],\"semaphore\":\"default/ConfigMap/my-config/workflow\"}]");
    assertThat(h.run("wf4").status().path("synchronization").path("semaphore").path("waiting").toString())
        .isEqualTo("[{\"holders\":[\"default/wf1\",\"default/wf2\"],"
            + "\"semaphore\":\"default/ConfigMap/my-config/workflow\"}]");

    h.finish(t -> t.workflowName().equals("wf1"), "Succeeded");
    assertThat(h.runningWorkflows()).containsExactly("wf2", "wf3");
    h.drain();
    assertThat(h.maxRunning).isEqualTo(2);
    assertThat(h.starts).containsExactly("wf1/wf1", "wf2/wf2", "wf3/wf3", "wf4/wf4", "wf5/wf5");
    h.runs.values().forEach(r -> assertThat(r.phase).isEqualTo("Succeeded"));
  }

  @Test
  void waitersAreGrantedByPriorityThenCreationTime() {
    SyncHarness h = new SyncHarness();
    h.submit("holder", wfLevel(MUTEX, 0), 0);
    h.submit("low", wfLevel(MUTEX, 0), 1);
    h.submit("high", wfLevel(MUTEX, 10), 2);
    h.submit("mid-late", wfLevel(MUTEX, 5), 4);
    h.submit("mid-early", wfLevel(MUTEX, 5), 3);
    h.drain();
    assertThat(h.starts).containsExactly("holder/holder", "high/high", "mid-early/mid-early",
        "mid-late/mid-late", "low/low");
    assertThat(h.maxRunning).isEqualTo(1);
  }

  private static final String TEMPLATE_MUTEX = """
      apiVersion: argoproj.io/v1alpha1
      kind: Workflow
      metadata: {namespace: default}
      spec:
        entrypoint: main
        templates:
        - name: main
          steps:
          - - {name: before, template: free}
          - - {name: locked, template: locked}
        - name: free
          container: {image: busybox, command: [echo, free]}
        - name: locked
          synchronization: {mutex: {name: shared}}
          container: {image: busybox, command: [echo, locked]}
      """;

  @Test
  void aTemplateMutexIsHeldByItsNodeAcrossWorkflows() {
    SyncHarness h = new SyncHarness();
    h.submit("a", TEMPLATE_MUTEX, 1);
    h.submit("b", TEMPLATE_MUTEX, 2);
    h.finishAll(); // both "before" steps
    assertThat(h.starts).containsExactly("a/before", "b/before", "a/locked");

    Node waiting = h.run("b").node("b[1].locked");
    assertThat(waiting.phase).isEqualTo(NodePhase.Pending);
    assertThat(waiting.message).isEqualTo("Waiting for default/Mutex/shared lock. Lock status: 0/1");
    JsonNode bStatus = h.run("b").status();
    assertThat(bStatus.path("phase").asText()).isEqualTo("Running");
    assertThat(bStatus.path("nodes").path(waiting.id).path("synchronizationStatus").path("waiting").asText())
        .isEqualTo("default/Mutex/shared");
    String aNode = h.run("a").node("a[1].locked").id;
    assertThat(h.run("a").status().path("synchronization").path("mutex").path("holding").toString())
        .isEqualTo("[{\"holder\":\"default/a/" + aNode + "\",\"mutex\":\"default/Mutex/shared\"}]");

    h.finishAll(); // a's locked node ends: its lock goes to b's node
    assertThat(h.starts).endsWith("b/locked");
    assertThat(h.run("a").phase).isEqualTo("Succeeded");
    Node granted = h.run("b").node("b[1].locked");
    assertThat(granted.message).isNull();
    assertThat(h.run("b").status().path("nodes").path(granted.id).has("synchronizationStatus")).isFalse();
    h.drain();
    assertThat(h.run("b").phase).isEqualTo("Succeeded");
    assertThat(h.run("b").node("b[1].locked").type).isEqualTo(NodeType.Pod);
  }

  @Test
  void aLockedStepsTemplateIsHeldWhileAllItsChildrenRun() {
    String yaml = """
        apiVersion: argoproj.io/v1alpha1
        kind: Workflow
        metadata: {namespace: default}
        spec:
          entrypoint: main
          templates:
          - name: main
            synchronization: {mutexes: [{name: whole}]}
            steps:
            - - {name: one, template: work}
            - - {name: two, template: work}
          - name: work
            container: {image: busybox, command: [echo, hi]}
        """;
    SyncHarness h = new SyncHarness();
    h.submit("a", yaml, 1);
    h.submit("b", yaml, 2);
    assertThat(h.run("b").node("b").type).isEqualTo(NodeType.Steps);
    assertThat(h.run("b").node("b").phase).isEqualTo(NodePhase.Pending);
    h.drain();
    assertThat(h.starts).containsExactly("a/one", "a/two", "b/one", "b/two");
    assertThat(h.run("b").phase).isEqualTo("Succeeded");
    assertThat(h.run("b").nodes()).hasSize(5);
  }

  @Test
  void aTemplateSemaphoreLimitsTheItemsOfOneWorkflow() {
    SyncHarness h = new SyncHarness();
    h.configMaps.put("my-config/template", "2");
    h.submit("w", """
        apiVersion: argoproj.io/v1alpha1
        kind: Workflow
        metadata: {namespace: default}
        spec:
          entrypoint: main
          templates:
          - name: main
            steps:
            - - {name: item, template: locked, withParam: '["1","2","3","4","5"]'}
          - name: locked
            synchronization:
              semaphores: [{configMapKeyRef: {name: my-config, key: template}}]
            container: {image: busybox, command: [echo, hi]}
        """, 1);
    assertThat(h.running).hasSize(2);
    h.drain();
    assertThat(h.maxRunning).isEqualTo(2);
    assertThat(h.starts).hasSize(5);
    assertThat(h.run("w").phase).isEqualTo("Succeeded");
  }

  @Test
  void aRetriedTemplateKeepsItsLockAcrossAttempts() {
    SyncHarness h = new SyncHarness();
    String yaml = """
        apiVersion: argoproj.io/v1alpha1
        kind: Workflow
        metadata: {namespace: default}
        spec:
          entrypoint: locked
          templates:
          - name: locked
            retryStrategy: {limit: 1}
            synchronization: {mutexes: [{name: r}]}
            container: {image: busybox, command: [echo, hi]}
        """;
    h.submit("a", yaml, 1);
    h.submit("b", yaml, 2);
    assertThat(h.runningWorkflows()).containsExactly("a");
    assertThat(h.run("b").node("b").type).isEqualTo(NodeType.Retry);
    h.finish(t -> true, "Failed"); // a's first attempt fails: its retry runs under the same lock
    assertThat(h.runningWorkflows()).containsExactly("a");
    assertThat(h.starts).containsExactly("a/a(0)", "a/a(1)");
    h.finish(t -> true, "Failed"); // a is out of retries and Failed: b goes
    assertThat(h.run("a").phase).isEqualTo("Failed");
    assertThat(h.runningWorkflows()).containsExactly("b");
    h.drain();
    assertThat(h.run("b").phase).isEqualTo("Succeeded");
  }

  @Test
  void aLargerLimitInTheConfigMapLetsMoreWaitersIn() {
    SyncHarness h = new SyncHarness();
    h.configMaps.put("my-config/workflow", "1");
    for (int i = 1; i <= 4; i++) {
      h.submit("wf" + i, wfLevel(SEMAPHORE, 0), i);
    }
    assertThat(h.runningWorkflows()).containsExactly("wf1");
    assertThat(h.run("wf2").message)
        .isEqualTo("Waiting for default/ConfigMap/my-config/workflow lock. Lock status: 0/1");
    h.changeConfigMap("my-config/workflow", "3");
    assertThat(h.runningWorkflows()).containsExactly("wf1", "wf2", "wf3");
    assertThat(h.run("wf4").message)
        .isEqualTo("Waiting for default/ConfigMap/my-config/workflow lock. Lock status: 0/3");
    h.drain();
    assertThat(h.maxRunning).isEqualTo(3);
  }

  @Test
  void aMissingConfigMapOrKeyFailsTheWorkflowOrNodeWithWhy() {
    SyncHarness h = new SyncHarness();
    WorkflowRun noMap = h.submit("no-map", wfLevel(SEMAPHORE, 0), 1);
    assertThat(noMap.phase).isEqualTo("Failed");
    assertThat(noMap.message).isEqualTo("Failed to acquire the synchronization lock. configmaps \"my-config\" not found");
    assertThat(noMap.finishedAt).isNotNull();

    h.configMaps.put("my-config/other", "1");
    WorkflowRun noKey = h.submit("no-key", TEMPLATE_MUTEX.replace("{mutex: {name: shared}}",
        "{semaphore: {configMapKeyRef: {name: my-config, key: template}}}"), 2);
    h.drain();
    assertThat(noKey.phase).isEqualTo("Failed"); // the step group fails on its errored child
    Node node = noKey.node("no-key[1].locked");
    assertThat(node.phase).isEqualTo(NodePhase.Error);
    assertThat(node.message).isEqualTo("Sync configuration key 'template' not found in ConfigMap"
        + " default/my-config: add data.template with the limit");

    WorkflowRun bad = h.submit("bad", wfLevel("{mutexes: [{}]}", 0), 3);
    assertThat(bad.message).isEqualTo("Failed to acquire the synchronization lock. spec.synchronization"
        + ".mutexes[0].name is required: name the mutex, e.g. {name: my-mutex}");
  }

  @Test
  void aStoppedWaiterLeavesTheQueueAndFails() {
    SyncHarness h = new SyncHarness();
    h.submit("wf1", wfLevel(MUTEX, 0), 1);
    h.submit("wf2", wfLevel(MUTEX, 0), 2);
    h.submit("wf3", wfLevel(MUTEX, 0), 3);
    WorkflowActions.stop(h.run("wf2"), null);
    h.wake("wf2");
    assertThat(h.run("wf2").phase).isEqualTo("Failed");
    assertThat(h.run("wf2").message).isEqualTo("Stopped with strategy 'Stop'");
    h.drain();
    assertThat(h.starts).containsExactly("wf1/wf1", "wf3/wf3");
  }

  @Test
  void aDeletedHolderOrWaiterGivesItsPlaceUp() {
    SyncHarness h = new SyncHarness();
    h.submit("wf1", wfLevel(MUTEX, 0), 1);
    h.submit("wf2", wfLevel(MUTEX, 0), 2);
    h.submit("wf3", wfLevel(MUTEX, 0), 3);
    h.runs.remove("wf2"); // deleted while waiting
    h.locks.releaseWorkflow("default/wf2");
    h.runs.remove("wf1"); // deleted while holding
    h.running.clear();
    h.locks.releaseWorkflow("default/wf1");
    h.settle();
    assertThat(h.runningWorkflows()).containsExactly("wf3");
  }

  @Test
  void holdersFoundInAStoredStatusKeepTheirLockAfterARestart() {
    SyncHarness before = new SyncHarness();
    before.submit("wf1", wfLevel(MUTEX, 0), 1);
    JsonNode stored = before.run("wf1").status().get("synchronization");

    SyncHarness after = new SyncHarness(); // a new controller: an empty lock table
    SyncStatus.reacquire(after.locks, stored);
    after.submit("wf2", wfLevel(MUTEX, 0), 2);
    assertThat(after.running).isEmpty();
    assertThat(after.run("wf2").message).isEqualTo("Waiting for default/Mutex/m lock. Lock status: 0/1");
    after.locks.releaseWorkflow("default/wf1");
    after.settle();
    assertThat(after.runningWorkflows()).containsExactly("wf2");
    assertThat(List.copyOf(after.locks.holders("default/Mutex/m"))).containsExactly("default/wf2");
  }
}
