package io.quargo.workflow.executor.local;

import static org.assertj.core.api.Assertions.assertThat;

import io.quargo.workflow.executor.ExecutionResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ArtifactsTest {
  @TempDir
  Path root;
  @TempDir
  Path supplied;
  LocalExecutor executor;

  @BeforeEach
  void open() {
    executor = new LocalExecutor(root);
  }

  @AfterEach
  void close() {
    executor.close();
  }

  private ExecutionResult run(String yaml, Map<String, Path> inputs, RecordingListener l) {
    executor.start(Tasks.task(yaml, true, inputs), l);
    return l.awaitResult();
  }

  @Test
  void rawInputArtifactIsWrittenAtItsPath() {
    RecordingListener l = new RecordingListener();
    ExecutionResult r = run("""
        name: raw
        inputs:
          artifacts:
          - name: myfile
            path: /tmp/file
            raw: {data: "this is\\nthe raw file contents\\n"}
        container: {image: alpine:3.23, command: [sh, -c], args: ["cat /tmp/file"]}
        """, Map.of(), l);
    assertThat(r.phase()).isEqualTo("Succeeded");
    assertThat(r.result()).isEqualTo("this is\nthe raw file contents");
  }

  @Test
  void suppliedInputArtifactsAreCopiedFileAndDirectory() throws Exception {
    Path file = Files.writeString(supplied.resolve("message.txt"), "hello from upstream");
    Path dir = Files.createDirectories(supplied.resolve("tree/sub"));
    Files.writeString(dir.resolve("leaf"), "leaf");
    RecordingListener l = new RecordingListener();
    ExecutionResult r = run("""
        name: consume
        inputs:
          artifacts:
          - {name: message, path: /tmp/message}
          - {name: tree, path: /data/in}
          - {name: absent, path: /tmp/absent, optional: true}
        container: {image: busybox, command: [sh, -c], args: ["cat /tmp/message; echo; cat /data/in/sub/leaf"]}
        """, Map.of("message", file, "tree", supplied.resolve("tree")), l);
    assertThat(r.phase()).as(l.lines.toString()).isEqualTo("Succeeded");
    assertThat(r.result()).isEqualTo("hello from upstream\nleaf");
  }

  @Test
  void aRequiredInputArtifactNotSuppliedIsAnError() {
    RecordingListener l = new RecordingListener();
    ExecutionResult r = run("""
        name: consume
        inputs:
          artifacts:
          - {name: message, path: /tmp/message}
        container: {image: busybox, command: [cat, /tmp/message]}
        """, Map.of(), l);
    assertThat(r.phase()).isEqualTo("Error");
    assertThat(r.message()).isEqualTo("template 'consume': inputs.artifacts.message was not supplied; pass it in "
        + "arguments.artifacts, give it a source, or mark it optional: true");
    assertThat(l.started.get()).isNull();
  }

  @Test
  void outputArtifactsAreSavedOutsideTheNodeDirectory() throws Exception {
    RecordingListener l = new RecordingListener();
    ExecutionResult r = run("""
        name: produce
        container:
          image: busybox
          command: [sh, -c]
          args: ["echo -n hello > /tmp/hello.txt; mkdir -p /out/dir; echo a > /out/dir/a; echo -n x > /result.txt"]
        outputs:
          artifacts:
          - {name: hello, path: /tmp/hello.txt}
          - {name: dir, path: /out/dir}
          - {name: result, path: /result.txt}
          - {name: maybe, path: /tmp/maybe, optional: true}
        """, Map.of(), l);
    assertThat(r.phase()).as(l.lines.toString()).isEqualTo("Succeeded");
    assertThat(r.outputArtifacts()).containsOnlyKeys("hello", "dir", "result");
    assertThat(r.outputArtifacts().get("hello")).startsWith(root.resolve(".artifacts")).hasContent("hello");
    assertThat(r.outputArtifacts().get("dir").resolve("a")).hasContent("a");
    assertThat(r.outputArtifacts().get("result")).hasContent("x");
  }

  @Test
  void aMissingRequiredOutputArtifactIsAnError() {
    RecordingListener l = new RecordingListener();
    ExecutionResult r = run("""
        name: produce
        container: {image: busybox, command: ["true"]}
        outputs:
          artifacts:
          - {name: hello, path: /tmp/hello.txt}
        """, Map.of(), l);
    assertThat(r.phase()).isEqualTo("Error");
    assertThat(r.message()).isEqualTo("failed to save outputs: open /tmp/hello.txt: no such file or directory");
  }

  @Test
  void volumeMountsOfAWorkflowAreSharedAndEmptyDirsArePrivate() {
    String writer = """
        name: write
        volumes: [{name: scratch, emptyDir: {}}]
        container:
          image: busybox
          command: [sh, -c]
          args: ["echo %s > /mnt/vol/shared.txt; echo mine > /scratch/p; cat /mnt/vol/shared.txt; ls /scratch"]
          volumeMounts: [{name: workdir, mountPath: /mnt/vol}, {name: scratch, mountPath: /scratch}]
        """;
    RecordingListener first = new RecordingListener();
    run(writer.formatted("one"), Map.of(), first);
    RecordingListener second = new RecordingListener();
    run("""
        name: read
        container:
          image: busybox
          command: [sh, -c]
          args: ["cat /mnt/vol/shared.txt; ls /scratch 2>/dev/null | wc -l"]
          volumeMounts: [{name: workdir, mountPath: /mnt/vol}]
        """, Map.of(), second);
    assertThat(first.result.get().result()).isEqualTo("one\np");
    assertThat(second.result.get().result()).isEqualTo("one\n0");
  }
}
