package io.quargo.workflow.executor.local;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.quargo.workflow.executor.ExecutionResult;
import io.quargo.workflow.executor.ExecutionTask;
import java.net.InetSocketAddress;
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
  void outputArtifactsAreArchivedToTheRepositoryUnderArgosDefaultKey() throws Exception {
    RecordingListener l = new RecordingListener();
    ExecutionTask task = Tasks.task("""
        name: produce
        container:
          image: busybox
          command: [sh, -c]
          args: ["echo -n hello > /tmp/hello.txt; mkdir -p /out/dir; echo a > /out/dir/a; echo -n x > /result.txt"]
        outputs:
          artifacts:
          - {name: hello, path: /tmp/hello.txt}
          - {name: dir, path: /out/dir}
          - {name: result, path: /result.txt, archive: {none: {}}}
          - {name: keyed, path: /result.txt, s3: {key: my/own-key}}
          - {name: maybe, path: /tmp/maybe, optional: true}
        """, true, Map.of());
    executor.start(task, l);
    ExecutionResult r = l.awaitResult();
    assertThat(r.phase()).as(l.lines.toString()).isEqualTo("Succeeded");
    assertThat(r.outputArtifacts()).containsOnlyKeys("hello", "dir", "result", "keyed");
    String prefix = "wf/" + task.podName() + "/";
    assertThat(r.outputArtifacts().get("hello").toString())
        .isEqualTo("{\"local\":{\"key\":\"" + prefix + "hello.tgz\"}}");
    assertThat(r.outputArtifacts().get("dir").path("local").path("key").asText()).isEqualTo(prefix + "dir.tgz");
    assertThat(r.outputArtifacts().get("result").path("local").path("key").asText()).isEqualTo(prefix + "result.txt");
    assertThat(r.outputArtifacts().get("keyed").path("local").path("key").asText()).isEqualTo("my/own-key");
    Path repo = root.resolve(".artifacts");
    assertThat(repo.resolve(prefix + "result.txt")).hasContent("x");
    Path unpacked = Files.createDirectories(supplied.resolve("u")).resolve("hello");
    io.quargo.workflow.artifacts.Archives.unpack(Files.copy(repo.resolve(prefix + "hello.tgz"),
        supplied.resolve("h.tgz")), unpacked);
    assertThat(unpacked).hasContent("hello");
    Path dir = supplied.resolve("u").resolve("dir");
    io.quargo.workflow.artifacts.Archives.unpack(Files.copy(repo.resolve(prefix + "dir.tgz"),
        supplied.resolve("d.tgz")), dir);
    assertThat(dir.resolve("a")).hasContent("a\n");
  }

  @Test
  void inputArtifactsAreFetchedFromTheRepositoryAndUnpacked() {
    RecordingListener produced = new RecordingListener();
    ExecutionTask producer = Tasks.task("""
        name: produce
        container:
          image: busybox
          command: [sh, -c]
          args: ["mkdir -p /tmp/tree/sub; echo leaf > /tmp/tree/sub/leaf; echo -n plain > /tmp/plain"]
        outputs:
          artifacts:
          - {name: tree, path: /tmp/tree}
          - {name: plain, path: /tmp/plain, archive: {none: {}}}
          - {name: raw-tree, path: /tmp/tree, archive: {none: {}}}
        """, true, Map.of());
    executor.start(producer, produced);
    ExecutionResult out = produced.awaitResult();
    assertThat(out.phase()).as(produced.lines.toString()).isEqualTo("Succeeded");
    RecordingListener l = new RecordingListener();
    ExecutionResult r = run("""
        name: consume
        inputs:
          artifacts:
          - {name: tree, path: /data/in, local: %s}
          - {name: plain, path: /tmp/p, local: %s}
          - {name: part, path: /tmp/leaf, subPath: sub/leaf, local: %s}
        container:
          image: busybox
          command: [sh, -c]
          args: ["cat /data/in/sub/leaf; cat /tmp/p; echo; cat /tmp/leaf"]
        """.formatted(out.outputArtifacts().get("tree").get("local"), out.outputArtifacts().get("plain").get("local"),
        out.outputArtifacts().get("raw-tree").get("local")), Map.of(), l);
    assertThat(r.phase()).as(l.lines.toString()).isEqualTo("Succeeded");
    assertThat(r.result()).isEqualTo("leaf\nplain\nleaf");
  }

  @Test
  void aMissingArtifactInTheRepositoryIsAnErrorNamingIt() {
    RecordingListener l = new RecordingListener();
    ExecutionResult r = run("""
        name: consume
        inputs:
          artifacts:
          - {name: gone, path: /tmp/gone, local: {key: wf/nowhere/gone.tgz}}
        container: {image: busybox, command: ["true"]}
        """, Map.of(), l);
    assertThat(r.phase()).isEqualTo("Error");
    assertThat(r.message()).startsWith("template 'consume': inputs.artifacts.gone: cannot load it: artifact "
        + "'wf/nowhere/gone.tgz' not found in the local artifact directory");
  }

  @Test
  void httpInputArtifactsAreDownloadedAndUnpackedWhenArchives() throws Exception {
    Path tree = Files.createDirectories(supplied.resolve("served/pkg"));
    Files.writeString(tree.resolve("README"), "from a tarball");
    Path tgz = io.quargo.workflow.artifacts.Archives.pack(
        Tasks.template("{name: pkg, path: /x/pkg}"), tree, supplied.resolve("packed"));
    HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    server.createContext("/plain", ex -> respond(ex, 200, "plain text body".getBytes()));
    server.createContext("/pkg.tgz", ex -> respond(ex, 200, Files.readAllBytes(tgz)));
    server.createContext("/missing", ex -> respond(ex, 404, "no".getBytes()));
    server.start();
    try {
      String base = "http://127.0.0.1:" + server.getAddress().getPort();
      RecordingListener l = new RecordingListener();
      ExecutionResult r = run("""
          name: consume
          inputs:
            artifacts:
            - {name: plain, path: /tmp/plain, http: {url: "%1$s/plain"}}
            - {name: pkg, path: /tmp/pkg, http: {url: "%1$s/pkg.tgz"}}
          container: {image: busybox, command: [sh, -c], args: ["cat /tmp/plain; echo; cat /tmp/pkg/README"]}
          """.formatted(base), Map.of(), l);
      assertThat(r.phase()).as(l.lines.toString()).isEqualTo("Succeeded");
      assertThat(r.result()).isEqualTo("plain text body\nfrom a tarball");
      RecordingListener l404 = new RecordingListener();
      ExecutionResult missing = run("""
          name: consume
          inputs:
            artifacts:
            - {name: gone, path: /tmp/gone, http: {url: "%s/missing"}}
          container: {image: busybox, command: ["true"]}
          """.formatted(base), Map.of(), l404);
      assertThat(missing.phase()).isEqualTo("Error");
      assertThat(missing.message()).contains("inputs.artifacts.gone: cannot load it: GET " + base
          + "/missing answered 404");
    } finally {
      server.stop(0);
    }
  }

  private static void respond(HttpExchange ex, int status, byte[] body) throws java.io.IOException {
    ex.sendResponseHeaders(status, body.length);
    try (var out = ex.getResponseBody()) {
      out.write(body);
    }
  }

  @Test
  void anInputArtifactInAnUnsupportedLocationIsAnError() {
    RecordingListener l = new RecordingListener();
    ExecutionResult r = run("""
        name: consume
        inputs:
          artifacts:
          - {name: src, path: /src, git: {repo: "https://example.com/x.git"}}
        container: {image: busybox, command: ["true"]}
        """, Map.of(), l);
    assertThat(r.phase()).isEqualTo("Error");
    assertThat(r.message()).startsWith("template 'consume': inputs.artifacts.src.git is not supported in "
        + "standalone mode");
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
