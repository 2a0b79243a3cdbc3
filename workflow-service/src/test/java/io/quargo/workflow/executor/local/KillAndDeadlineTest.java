package io.quargo.workflow.executor.local;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.quargo.workflow.executor.ExecutionResult;
import io.quargo.workflow.executor.Executor;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Stopping nodes: kill, the template's deadline, and closing the executor take the whole process tree. */
class KillAndDeadlineTest {
  @TempDir
  Path root;
  LocalExecutor executor;

  @BeforeEach
  void open() {
    executor = new LocalExecutor(root, LocalExecutorOptions.defaults().withKillGrace(Duration.ofMillis(500)));
  }

  @AfterEach
  void close() {
    executor.close();
  }

  /** A shell that starts a long sleep in the background and one in the foreground, and records both pids. */
  private static final String TREE = """
      name: tree
      container:
        image: busybox
        command: [sh, -c]
        args: ["sleep 300 & echo $! > /tmp/bg.pid; echo started; sleep 300"]
      """;

  @Test
  void killTakesTheWholeTreeAndReportsFailedWithTheMessage() throws Exception {
    RecordingListener l = new RecordingListener();
    var task = Tasks.task(TREE);
    Executor.RunningTask running = executor.start(task, l);
    await().until(() -> l.stdout().contains("started"));
    long bgPid = Long.parseLong(Files.readString(bgPidFile(task.nodeId())).strip());
    assertThat(ProcessHandle.of(bgPid)).isPresent();

    running.kill("Stopped with strategy 'Stop'");
    ExecutionResult r = l.awaitResult();
    assertThat(r.phase()).isEqualTo("Failed");
    assertThat(r.message()).isEqualTo("Stopped with strategy 'Stop'");
    assertThat(r.exitCode()).isNotNull().isNotZero();
    await().until(() -> ProcessHandle.of(bgPid).map(p -> !p.isAlive()).orElse(true));
    running.kill("again");
    assertThat(l.finishedCalls.get()).isEqualTo(1);
  }

  @Test
  void whatTheMainProcessLeftBehindDiesWithIt() throws Exception {
    RecordingListener l = new RecordingListener();
    var task = Tasks.task("""
        name: orphan
        container:
          image: busybox
          command: [sh, -c]
          args: ["sleep 300 & echo $!"]
        """);
    executor.start(task, l);
    assertThat(l.awaitResult().phase()).isEqualTo("Succeeded");
    long bgPid = Long.parseLong(l.stdout().get(0));
    await().until(() -> ProcessHandle.of(bgPid).map(p -> !p.isAlive()).orElse(true));
  }

  @Test
  void killRightAfterStartReportsFailedOnce() {
    RecordingListener l = new RecordingListener();
    Executor.RunningTask running = executor.start(Tasks.task(TREE), l);
    running.kill("terminated");
    assertThat(l.awaitResult().phase()).isEqualTo("Failed");
    assertThat(l.result.get().message()).isEqualTo("terminated");
    await().until(() -> executor.runningCount() == 0);
    assertThat(l.finishedCalls.get()).isEqualTo(1);
  }

  @Test
  void activeDeadlineSecondsKillsWithKubernetesMessage() {
    RecordingListener l = new RecordingListener();
    executor.start(Tasks.task("""
        name: timeout
        activeDeadlineSeconds: 1
        container: {image: argoproj/argosay:v2, command: [bash, -c], args: ["echo 123; sleep 1d"]}
        """), l);
    ExecutionResult r = l.awaitResult();
    assertThat(r.phase()).isEqualTo("Failed");
    assertThat(r.message()).isEqualTo(LocalTask.DEADLINE_MESSAGE);
    assertThat(l.stdout()).containsExactly("123");
  }

  @Test
  void aDeadlineAsStringIsHonoured() {
    RecordingListener l = new RecordingListener();
    executor.start(Tasks.task("""
        name: timeout
        activeDeadlineSeconds: "1"
        container: {image: busybox, command: [sleep, "15s"]}
        """), l);
    assertThat(l.awaitResult().message()).isEqualTo(LocalTask.DEADLINE_MESSAGE);
  }

  @Test
  void closeKillsEveryRunningNodeAndEachReportsError() {
    RecordingListener a = new RecordingListener();
    RecordingListener b = new RecordingListener();
    executor.start(Tasks.task(TREE), a);
    executor.start(Tasks.task(TREE), b);
    await().until(() -> a.stdout().contains("started") && b.stdout().contains("started"));
    executor.close();
    assertThat(a.awaitResult().phase()).isEqualTo("Error");
    assertThat(b.awaitResult().message()).isEqualTo(LocalExecutor.CLOSED_MESSAGE);
    RecordingListener late = new RecordingListener();
    executor.start(Tasks.task(TREE), late);
    assertThat(late.awaitResult().phase()).isEqualTo("Error");
    assertThat(late.started.get()).isNull();
  }

  private Path bgPidFile(String nodeId) {
    Path file = root.resolve("argo").resolve(nodeId).resolve("fs/tmp/bg.pid");
    await().until(() -> Files.exists(file) && !Files.readString(file).isBlank());
    return file;
  }

  @Test
  void manyNodesAtOnceAllFinish() {
    int n = 40;
    RecordingListener[] ls = new RecordingListener[n];
    for (int i = 0; i < n; i++) {
      ls[i] = new RecordingListener();
      executor.start(Tasks.task("""
          name: many
          container: {image: busybox, command: [sh, -c], args: ["echo %d > /tmp/n; cat /tmp/n"]}
          """.formatted(i), true, Map.of()), ls[i]);
    }
    for (int i = 0; i < n; i++) {
      assertThat(ls[i].awaitResult().result()).isEqualTo(Integer.toString(i));
    }
    await().until(() -> executor.runningCount() == 0);
  }
}
