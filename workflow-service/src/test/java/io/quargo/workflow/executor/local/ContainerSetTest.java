package io.quargo.workflow.executor.local;

import static org.assertj.core.api.Assertions.assertThat;

import io.quargo.workflow.executor.ExecutionResult;
import io.quargo.workflow.executor.ExecutionTask;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** containerSet: containers share the node's directory and run in dependency order, in parallel where free. */
class ContainerSetTest {
  @TempDir
  Path root;
  LocalExecutor executor;

  @BeforeEach
  void open() {
    executor = new LocalExecutor(root);
  }

  @AfterEach
  void close() {
    executor.close();
  }

  @Test
  void runsInDependencyOrderAndTakesResultFromMain() {
    // a and b wait for each other's files, so they only succeed when started together; main needs both.
    ExecutionTask task = Tasks.task("""
        name: graph
        volumes: [{name: workspace, emptyDir: {}}]
        containerSet:
          volumeMounts: [{name: workspace, mountPath: /workspace}]
          containers:
          - name: a
            image: busybox
            command: [sh, -c, "touch /tmp/a; while [ ! -e /tmp/b ]; do sleep 0.05; done; echo a > /tmp/a.out"]
          - name: b
            image: busybox
            command: [sh, -c, "touch /tmp/b; while [ ! -e /tmp/a ]; do sleep 0.05; done; echo b > /tmp/b.out"]
          - name: main
            image: busybox
            command: [sh, -c, "cat /tmp/a.out /tmp/b.out; test -d /workspace"]
            dependencies: [a, b]
        """, true, Map.of());
    RecordingListener l = new RecordingListener();
    executor.start(task, l);
    ExecutionResult r = l.awaitResult();
    assertThat(r.phase()).as(l.lines.toString()).isEqualTo("Succeeded");
    assertThat(r.result()).isEqualTo("a\nb");
    assertThat(r.exitCode()).isZero();
    assertThat(executor.readLog("argo", task.nodeId())).hasValue("a\nb\n");
  }

  @Test
  void aFailedDependencyFailsTheNodeAndItsDependentsDoNotRun() {
    ExecutionTask task = Tasks.task("""
        name: graph
        containerSet:
          containers:
          - {name: prepare, image: busybox, command: [sh, -c, "exit 4"]}
          - {name: main, image: busybox, command: [sh, -c, "echo should not run"], dependencies: [prepare]}
        """);
    RecordingListener l = new RecordingListener();
    executor.start(task, l);
    ExecutionResult r = l.awaitResult();
    assertThat(r.phase()).isEqualTo("Failed");
    assertThat(r.message()).isEqualTo("container prepare: Error (exit code 4)");
    assertThat(r.exitCode()).as("main never ran").isNull();
    assertThat(l.lines).isEmpty();
  }

  @Test
  void unknownDependencyAndCyclesAreTemplateErrors() {
    RecordingListener unknown = new RecordingListener();
    executor.start(Tasks.task("""
        name: graph
        containerSet:
          containers:
          - {name: main, image: busybox, command: ["true"], dependencies: [nope]}
        """), unknown);
    assertThat(unknown.awaitResult().message()).isEqualTo("template 'graph': containerSet.containers[0].dependencies "
        + "names 'nope', which is not a container of this set; use one of [main]");
    RecordingListener cycle = new RecordingListener();
    executor.start(Tasks.task("""
        name: graph
        containerSet:
          containers:
          - {name: a, image: busybox, command: ["true"], dependencies: [main]}
          - {name: main, image: busybox, command: ["true"], dependencies: [a]}
        """), cycle);
    assertThat(cycle.awaitResult().message()).startsWith("template 'graph': containerSet dependencies form a cycle");
  }
}
