package io.quargo.workflow.executor.local;

import static org.assertj.core.api.Assertions.assertThat;

import io.quargo.workflow.executor.ExecutionResult;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Templates the local executor cannot run end in Error with a message saying what, where and how to fix. */
class TemplateErrorsTest {
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

  private ExecutionResult run(String yaml) {
    RecordingListener l = new RecordingListener();
    executor.start(Tasks.task(yaml), l);
    ExecutionResult r = l.awaitResult();
    assertThat(r.phase()).isEqualTo("Error");
    assertThat(r.exitCode()).isNull();
    return r;
  }

  @Test
  void unknownCommandIsAnErrorNamingIt() {
    assertThat(run("""
        name: nope
        container: {image: busybox, command: [no-such-program-xyz, arg]}
        """).message()).startsWith("template 'nope': container: executable 'no-such-program-xyz' not found on "
        + "this host (PATH=").contains("install it on the host");
  }

  @Test
  void unmappedImageWithoutCommandSaysHowToFix() {
    assertThat(run("""
        name: private
        container: {image: "registry.example.com/team/tool:1.2", args: [run]}
        """).message()).isEqualTo("template 'private': container.command is not set and image "
        + "'registry.example.com/team/tool:1.2' is not in the local executor's image map; set container.command, "
        + "or add the image to the image map (see docs/local-executor.md)");
  }

  @Test
  void secretEnvIsAnErrorWithItsPath() {
    assertThat(run("""
        name: secret
        container:
          image: busybox
          command: [env]
          env:
          - {name: A, value: a}
          - name: TOKEN
            valueFrom: {secretKeyRef: {name: s, key: k}}
        """).message()).startsWith("template 'secret': container.env[1].valueFrom.secretKeyRef cannot be resolved "
        + "by the local executor").endsWith("set value instead, or run this workflow with the pod executor");
  }

  @Test
  void fieldRefEnvIsResolvedLocally() {
    RecordingListener l = new RecordingListener();
    executor.start(Tasks.task("""
        name: field
        container:
          image: busybox
          command: [sh, -c, "echo $POD $NS"]
          env:
          - name: POD
            valueFrom: {fieldRef: {fieldPath: metadata.name}}
          - name: NS
            valueFrom: {fieldRef: {fieldPath: metadata.namespace}}
        """), l);
    assertThat(l.awaitResult().phase()).isEqualTo("Succeeded");
    assertThat(l.stdout().get(0)).matches("wf-main-\\d+ argo");
  }

  @Test
  void aNodeIdThatIsNotANameIsRefusedBeforeAnyDirectoryIsMade() {
    RecordingListener l = new RecordingListener();
    executor.start(new io.quargo.workflow.executor.ExecutionTask("argo", "wf", "../../escape", "wf", "pod",
        Tasks.template("name: x\ncontainer: {image: busybox, command: [\"true\"]}\n"), false,
        java.util.Map.of()), l);
    assertThat(l.awaitResult().message()).isEqualTo("task nodeId '../../escape' is not a Kubernetes name; the "
        + "local executor uses it as a directory name, so it must be letters, digits, '.', '_' or '-'");
    assertThat(root.getParent().resolve("escape")).doesNotExist();
  }

  @Test
  void nonLeafTemplateAndBadShapesAreErrors() {
    assertThat(run("name: s\nsteps: [[{name: a, template: b}]]\n").message())
        .isEqualTo("template 's': has none of container, script or containerSet; the local executor runs leaf "
            + "templates only; steps, dag, suspend and the like are the engine's");
    assertThat(run("name: w\ncontainer: {image: busybox, command: [pwd], workingDir: rel}\n").message())
        .isEqualTo("template 'w': container.workingDir must be an absolute path, got 'rel'; write it as /some/dir");
    assertThat(run("name: c\ncontainer: {image: busybox, command: echo}\n").message())
        .isEqualTo("template 'c': container.command must be a list of strings; write it as [command-item, ...]");
  }
}
