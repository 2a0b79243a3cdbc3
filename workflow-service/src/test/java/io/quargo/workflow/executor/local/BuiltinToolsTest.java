package io.quargo.workflow.executor.local;

import static org.assertj.core.api.Assertions.assertThat;

import io.quargo.workflow.executor.ExecutionResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The built-in argosay, cowsay and python, run as nodes run them. */
class BuiltinToolsTest {
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

  private RecordingListener run(String args) {
    RecordingListener l = new RecordingListener();
    executor.start(Tasks.task("""
        name: say
        container: {image: "quay.io/argoproj/argosay:v2", args: %s}
        """.formatted(args), true, Map.of()), l);
    l.awaitResult();
    return l;
  }

  @Test
  void argosayCatSleepAndAsserts() {
    RecordingListener cat = run("[cat, /dev/null]");
    assertThat(cat.result.get().phase()).isEqualTo("Succeeded");
    assertThat(run("[sleep, 100ms]").result.get().phase()).isEqualTo("Succeeded");
    RecordingListener badSleep = run("[sleep, 1d]");
    assertThat(badSleep.result.get().message()).isEqualTo("Error (exit code 2)");
    assertThat(badSleep.stderr()).containsExactly("panic: time: invalid duration \"1d\"");
    RecordingListener missing = run("[assert_contains, /tmp/nope, x]");
    assertThat(missing.result.get().phase()).isEqualTo("Failed");
    assertThat(run("[unknown]").stderr().get(0)).startsWith("panic: usage: argosay [");
  }

  @Test
  void argosayEchoToFileThenAssertInOneNode() {
    RecordingListener l = new RecordingListener();
    executor.start(Tasks.task("""
        name: chain
        container:
          image: argoproj/argosay:v1
          command: [sh, -c]
          args: ["argosay echo foo /tmp/d/f && argosay assert_equals /tmp/d/f foo && argosay assert_contains /tmp/d/f o && ! argosay assert_equals /tmp/d/f fo"]
        """), l);
    assertThat(l.awaitResult().phase()).as(l.lines.toString()).isEqualTo("Succeeded");
  }

  @Test
  void argosayV1CmdIsCowsay() {
    RecordingListener l = new RecordingListener();
    executor.start(Tasks.task("""
        name: v1
        container: {image: argoproj/argosay:v1}
        """), l);
    ExecutionResult r = l.awaitResult();
    assertThat(r.phase()).isEqualTo("Succeeded");
    assertThat(l.stdout().get(1)).isEqualTo("<  >");
  }

  @Test
  void cowsayWrapsLongMessagesInABubble() {
    RecordingListener l = new RecordingListener();
    executor.start(Tasks.task("""
        name: wrap
        container: {image: docker/whalesay, command: [cowsay, "one two three four five six seven eight nine ten eleven twelve"]}
        """), l);
    l.awaitResult();
    // "one ... eight" is 39 columns, within the 40-column wrap; the bubble is as wide as its longest line.
    assertThat(l.stdout().subList(0, 4)).containsExactly(
        " " + "_".repeat(41),
        "/ one two three four five six seven eight \\",
        "\\ " + String.format("%-39s", "nine ten eleven twelve") + " /",
        " " + "-".repeat(41));
  }

  @Test
  void withoutPythonThePythonShimSaysWhatIsMissing(@TempDir Path other) throws Exception {
    BuiltinTools.install(other, Optional.empty());
    assertThat(Files.readString(other.resolve("python"))).contains("this host has no Python 3");
    BuiltinTools.install(other, Optional.of(Path.of("/opt/py's/bin/python3")));
    assertThat(Files.readString(other.resolve("python3"))).contains("exec '/opt/py'\\''s/bin/python3' \"$@\"");
  }

  @Test
  void absoluteImagePathsFallBackToTheToolOfThatName() {
    RecordingListener l = new RecordingListener();
    executor.start(Tasks.task("""
        name: abs
        container: {image: python:3, command: [/usr/local/bin/python, -c, "print('py')"]}
        """, true, Map.of()), l);
    assertThat(l.awaitResult().result()).isEqualTo("py");
  }
}
