package io.quargo.workflow.executor.local;

import static org.assertj.core.api.Assertions.assertThat;

import io.quargo.workflow.executor.ExecutionResult;
import io.quargo.workflow.executor.ExecutionTask;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Real host processes: the templates of the upstream examples, run as the local executor runs them. */
class LocalExecutorTest {
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

  private RecordingListener run(ExecutionTask task) {
    RecordingListener l = new RecordingListener();
    executor.start(task, l);
    l.awaitResult();
    return l;
  }

  @Test
  void busyboxEchoSucceedsAndLogsStdout() {
    RecordingListener l = run(Tasks.task("""
        name: hello
        container: {image: busybox, command: [echo], args: ["hello world"]}
        """));
    ExecutionResult r = l.result.get();
    assertThat(r.phase()).isEqualTo("Succeeded");
    assertThat(r.message()).isNull();
    assertThat(r.exitCode()).isZero();
    assertThat(r.result()).as("result only when the task asks for it").isNull();
    assertThat(l.stdout()).containsExactly("hello world");
    assertThat(l.started.get()).isNotNull();
    assertThat(l.finishedCalls.get()).isEqualTo(1);
  }

  @Test
  void whalesayCowsayPrintsTheWhale() {
    RecordingListener l = run(Tasks.task("""
        name: whalesay
        container: {image: docker/whalesay, command: [cowsay], args: ["hello world"]}
        """, true, Map.of()));
    String out = l.result.get().result();
    assertThat(out).contains("< hello world >").contains(" _____________").contains("~~~~");
    assertThat(out.lines().count()).isGreaterThan(6);
  }

  @Test
  void whalesayWithOnlyArgsRunsCowsayFromTheImageMap() {
    RecordingListener l = run(Tasks.task("""
        name: whalesay
        container: {image: "docker/whalesay:latest", args: ["moo"]}
        """, true, Map.of()));
    assertThat(l.result.get().result()).contains("< moo >");
  }

  @Test
  void argosayV2EchoWritesFileAndExitGivesTheCode() {
    RecordingListener echo = run(Tasks.task("""
        name: produce
        container: {image: "argoproj/argosay:v2", args: ["echo", "real-value", "/tmp/out.txt"]}
        outputs:
          parameters:
          - name: out
            valueFrom: {path: /tmp/out.txt}
        """));
    assertThat(echo.result.get().outputParameters()).containsEntry("out", "real-value");

    RecordingListener noArgs = run(Tasks.task("""
        name: say
        container: {image: "argoproj/argosay:v2"}
        """));
    assertThat(noArgs.result.get().phase()).isEqualTo("Succeeded");
    assertThat(noArgs.stderr()).as("Go's println writes to stderr").containsExactly("hello argo");

    RecordingListener exit = run(Tasks.task("""
        name: fail
        container: {image: "argoproj/argosay:v2", args: [exit, "7"]}
        """));
    assertThat(exit.result.get().phase()).isEqualTo("Failed");
    assertThat(exit.result.get().message()).isEqualTo("Error (exit code 7)");
    assertThat(exit.result.get().exitCode()).isEqualTo(7);
  }

  @Test
  void outputParameterFromTmpFileWithOneNewlineTrimmedAndDefaultWhenMissing() {
    RecordingListener l = run(Tasks.task("""
        name: out
        container:
          image: busybox
          command: [sh, -c]
          args: ["printf 'hello world\\n\\n' > /tmp/hello_world.txt"]
        outputs:
          parameters:
          - name: hello-param
            valueFrom: {path: /tmp/hello_world.txt}
          - name: missing-with-default
            valueFrom: {path: /tmp/nope.txt, default: Foobar}
        """));
    assertThat(l.result.get().phase()).isEqualTo("Succeeded");
    assertThat(l.result.get().outputParameters())
        .containsEntry("hello-param", "hello world\n")
        .containsEntry("missing-with-default", "Foobar");
  }

  @Test
  void missingOutputParameterWithoutDefaultIsAnError() {
    RecordingListener l = run(Tasks.task("""
        name: out
        container: {image: busybox, command: [sh, -c], args: ["true"]}
        outputs:
          parameters:
          - name: p
            valueFrom: {path: /tmp/never-written}
        """));
    assertThat(l.result.get().phase()).isEqualTo("Error");
    assertThat(l.result.get().message())
        .isEqualTo("failed to save outputs: open /tmp/never-written: no such file or directory");
    assertThat(l.result.get().exitCode()).isZero();
  }

  @Test
  void bashScriptRunsCommandWithTheScriptFileAndCapturesResult() {
    RecordingListener l = run(Tasks.task("""
        name: gen
        script:
          image: debian:12
          command: [bash]
          source: |
            echo "running $(basename $0) from $0" >&2
            echo $((6 * 7))
        """, true, Map.of()));
    assertThat(l.result.get().phase()).isEqualTo("Succeeded");
    assertThat(l.result.get().result()).isEqualTo("42");
    assertThat(l.stderr()).singleElement().asString().contains("/fs/argo/staging/script");
  }

  @Test
  void pythonScriptRunsOnPython3() {
    RecordingListener l = run(Tasks.task("""
        name: py
        script:
          image: python:alpine3.23
          command: [python]
          source: |
            import sys
            print(sys.version_info[0])
        """, true, Map.of()));
    assertThat(l.result.get().phase()).as(l.lines.toString()).isEqualTo("Succeeded");
    assertThat(l.result.get().result()).isEqualTo("3");
  }

  @Test
  void nonZeroExitIsFailedWithArgosMessage() {
    ExecutionTask task = Tasks.task("""
        name: fail
        container: {image: alpine:3.23, command: [sh, -c], args: ["echo intentional failure; exit 3"]}
        """);
    RecordingListener l = run(task);
    assertThat(l.result.get().phase()).isEqualTo("Failed");
    assertThat(l.result.get().message()).isEqualTo("Error (exit code 3)");
    assertThat(l.result.get().exitCode()).isEqualTo(3);
    assertThat(executor.readLog("argo", task.nodeId())).hasValue("intentional failure\n");
  }

  @Test
  void resultKeepsOnlyStdoutAndTheLast256kB() {
    // 300,000 digits then a newline on stdout, noise on stderr.
    RecordingListener l = run(Tasks.task("""
        name: big
        container:
          image: python:3
          command: [python, -c]
          args: ["import sys; sys.stderr.write('noise\\\\n'); sys.stdout.write(''.join(str(i % 10) for i in range(300000)) + '\\\\n')"]
        """, true, Map.of()));
    String result = l.result.get().result();
    assertThat(result).hasSize(ResultTail.MAX_BYTES - 1).doesNotContain("noise").doesNotEndWith("\n");
    assertThat(result).endsWith("56789");
    assertThat(result.charAt(0)).isEqualTo((char) ('0' + (300000 + 1 - ResultTail.MAX_BYTES) % 10));
  }

  @Test
  void concurrentNodesWritingTmpXSeeOnlyTheirOwn() {
    String yaml = """
        name: writer
        container:
          image: busybox
          command: [sh, -c]
          args: ["echo %s > /tmp/x; sleep 0.3; cat /tmp/x; ls /tmp"]
        outputs:
          parameters:
          - name: x
            valueFrom: {path: /tmp/x}
        """;
    RecordingListener a = new RecordingListener();
    RecordingListener b = new RecordingListener();
    executor.start(Tasks.task(yaml.formatted("from-a")), a);
    executor.start(Tasks.task(yaml.formatted("from-b")), b);
    a.awaitResult();
    b.awaitResult();
    assertThat(a.result.get().outputParameters()).containsEntry("x", "from-a");
    assertThat(b.result.get().outputParameters()).containsEntry("x", "from-b");
    assertThat(a.stdout()).containsExactly("from-a", "x");
    assertThat(b.stdout()).containsExactly("from-b", "x");
  }

  @Test
  void envWorkingDirAndTmpdirAreHonoured() {
    RecordingListener l = run(Tasks.task("""
        name: env
        container:
          image: busybox
          command: [sh, -c]
          args: ["echo $GREETING; pwd; echo $TMPDIR; echo $HOSTNAME"]
          workingDir: /work/here
          env:
          - {name: GREETING, value: hi}
        """));
    assertThat(l.result.get().phase()).isEqualTo("Succeeded");
    assertThat(l.stdout().get(0)).isEqualTo("hi");
    assertThat(l.stdout().get(1)).startsWith(root.toString()).endsWith("/fs/work/here");
    assertThat(l.stdout().get(2)).startsWith(root.toString()).endsWith("/fs/tmp");
    assertThat(l.stdout().get(3)).startsWith("wf-main-");
  }

  @Test
  void nodeFilesAreRemovedButTheLogStays() {
    ExecutionTask task = Tasks.task("""
        name: hello
        container: {image: busybox, command: [sh, -c], args: ["echo out; echo err >&2; touch /tmp/f"]}
        """);
    RecordingListener l = run(task);
    assertThat(l.result.get().phase()).isEqualTo("Succeeded");
    Path nodeDir = root.resolve("argo").resolve(task.nodeId());
    assertThat(nodeDir.resolve("fs")).doesNotExist();
    assertThat(executor.readLog("argo", task.nodeId()).orElseThrow().lines()).containsExactlyInAnyOrder(
        "out", "err");
    assertThat(executor.readLog("argo", "no-such-node")).isEmpty();
    assertThat(Files.exists(nodeDir.resolve("main.log"))).isTrue();
  }
}
