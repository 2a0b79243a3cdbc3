package io.quargo.workflow.run;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.quargo.core.resource.Resource;
import io.quargo.core.workflow.lint.TemplateResolver;
import io.quargo.workflow.engine.EngineException;
import io.quargo.workflow.engine.EngineSettings;
import io.quargo.workflow.engine.Node;
import io.quargo.workflow.engine.StandaloneChecks;
import io.quargo.workflow.engine.SyncLocks;
import io.quargo.workflow.engine.WorkflowEngine;
import io.quargo.workflow.engine.WorkflowRun;
import io.quargo.workflow.executor.local.LocalExecutor;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Upstream's artifact examples, unchanged, through the engine and the local executor with its local-directory
 * repository (what {@code quargo run} uses): outputs archived to the repository, passed by {@code from}, logs
 * showing what the consumer read.
 */
class ArtifactExamplesRunTest {
  @TempDir
  static Path dir;
  static LocalExecutor executor;
  static TemplateResolver templates;

  @BeforeAll
  static void open() {
    executor = new LocalExecutor(dir);
    templates = CompatCorpus.allTemplates();
  }

  @AfterAll
  static void close() {
    executor.close();
  }

  private static WorkflowRun run(String example) throws InterruptedException {
    Resource wf = CompatCorpus.load(CompatCorpus.examplesRoot().resolve("examples/" + example)).stream()
        .map(d -> d.resource()).filter(r -> r.kind().equals("Workflow")).findFirst().orElseThrow();
    Clock clock = Clock.systemUTC();
    WorkflowRun run = Submission.prepare(wf, Map.of(), null, templates, clock.instant());
    StandaloneChecks.check(run.spec);
    WorkflowEngine engine = new WorkflowEngine(templates, new EngineSettings("localhost", true), new SyncLocks());
    new WorkflowRunner(engine, executor, clock, RunObserver.NONE).run(run);
    return run;
  }

  private static Node node(WorkflowRun run, String displayName) {
    return run.nodes().stream().filter(n -> displayName.equals(n.displayName)).findFirst().orElseThrow();
  }

  private static com.fasterxml.jackson.databind.JsonNode json(WorkflowRun run, Node node) {
    return run.status().path("nodes").path(node.id);
  }

  private static String log(WorkflowRun run, String displayName) {
    return executor.readLog(run.namespace, node(run, displayName).id).orElse("");
  }

  @Test
  void artifactPassingArchivesUnderArgosKeyAndTheConsumerReadsIt() throws Exception {
    WorkflowRun run = run("artifact-passing.yaml");
    assertThat(run.phase).as(UpstreamExamplesRunTest.summary(run)).isEqualTo("Succeeded");
    assertThat(log(run, "consume-artifact")).isEqualTo("hello world\n");
    Node producer = node(run, "generate-artifact");
    String key = run.name + "/" + producer.podName + "/hello-art.tgz";
    assertThat(json(run, producer).path("outputs").path("artifacts").get(0).toString())
        .isEqualTo("{\"name\":\"hello-art\",\"path\":\"/tmp/hello_world.txt\",\"local\":{\"key\":\"" + key + "\"}}");
    assertThat(dir.resolve(".artifacts").resolve(key)).isRegularFile();
  }

  @Test
  void archiveNoneOfAPathTheImageWouldProvideIsMissingOnTheHost() throws Exception {
    // /etc comes from the image in Argo; the local executor maps every path a template names into the node's own
    // empty file system, so nothing is there to save (docs/artifacts.md, limits)
    WorkflowRun run = run("artifact-disable-archive.yaml");
    assertThat(run.phase).isEqualTo("Failed");
    assertThat(node(run, "generate-artifact").message)
        .isEqualTo("failed to save outputs: open /etc: no such file or directory");
  }

  @Test
  void archiveNoneAndCompressionLevelsRoundTrip() throws Exception {
    String yaml = Files.readString(CompatCorpus.examplesRoot().resolve("examples/artifact-disable-archive.yaml"))
        .replace("args: [\"echo hello world", "args: [\"mkdir -p /etc/ssl; echo x > /etc/hostname; echo hello world");
    Path copy = Files.writeString(dir.resolve("artifact-disable-archive-made-etc.yaml"), yaml);
    Resource wf = CompatCorpus.load(copy).get(0).resource();
    WorkflowRun run = Submission.prepare(wf, Map.of(), null, templates, Clock.systemUTC().instant());
    new WorkflowRunner(new WorkflowEngine(templates, new EngineSettings("localhost", true), new SyncLocks()),
        executor, Clock.systemUTC(), RunObserver.NONE).run(run);
    assertThat(run.phase).as(UpstreamExamplesRunTest.summary(run)).isEqualTo("Succeeded");
    assertThat(log(run, "consume-artifact")).startsWith("hello world\nhello world\n.\n");
    assertThat(log(run, "consume-artifact").lines()).as("find's order is the file system's")
        .containsExactlyInAnyOrder("hello world", "hello world", ".", "./ssl", "./hostname");
    Node producer = node(run, "generate-artifact");
    Path repo = dir.resolve(".artifacts").resolve(run.name).resolve(producer.podName);
    assertThat(repo.resolve("hello_world.txt")).hasContent("hello world");
    assertThat(repo.resolve("etc/hostname")).hasContent("x");
    assertThat(repo.resolve("hello-txt-nc.tgz")).isRegularFile();
  }

  @Test
  void subPathPicksAFileOutOfADirectoryArtifact() throws Exception {
    WorkflowRun run = run("artifact-passing-subpath.yaml");
    assertThat(run.phase).as(UpstreamExamplesRunTest.summary(run)).isEqualTo("Succeeded");
    assertThat(log(run, "list-artifact")).contains("hello_world.txt");
    assertThat(log(run, "consume-artifact")).isEqualTo("hello world\n");
  }

  @Test
  void keyOnlyArtifactsUseTheirKeyInTheDefaultRepository() throws Exception {
    WorkflowRun run = run("key-only-artifact.yaml");
    assertThat(run.phase).as(UpstreamExamplesRunTest.summary(run)).isEqualTo("Succeeded");
    assertThat(log(run, "consume")).isEqualTo("hello\n");
    assertThat(dir.resolve(".artifacts/my-file")).isRegularFile();
  }

  @Test
  void globalArtifactsAreExportedAndConsumable() throws Exception {
    WorkflowRun run = run("global-outputs.yaml");
    assertThat(run.phase).as(UpstreamExamplesRunTest.summary(run)).isEqualTo("Succeeded");
    Node producer = node(run, "generate");
    assertThat(run.status().path("outputs").path("artifacts").toString()).isEqualTo("[{\"name\":\"my-global-art\","
        + "\"path\":\"/tmp/hello_world.txt\",\"local\":{\"key\":\"" + run.name + "/" + producer.podName
        + "/hello-art.tgz\"}}]");
    assertThat(run.nodes().stream().filter(n -> "consume-global-art".equals(n.displayName))
        .map(n -> executor.readLog(run.namespace, n.id).orElse("")))
        .as("the steps and the exit handler both read it").containsExactly("hello world\n", "hello world\n");
  }

  @Test
  void rawInputsAndPathPlaceholdersStillWork() throws Exception {
    WorkflowRun run = run("artifact-path-placeholders.yaml");
    assertThat(run.phase).as(UpstreamExamplesRunTest.summary(run)).isEqualTo("Succeeded");
    assertThat(json(run, node(run, run.name)).path("outputs").path("parameters").get(0).path("value").asText())
        .isEqualTo("3");
  }

  @Test
  void anArtifactInALocationStandaloneCannotReachFailsAtSubmitWithItsPath() throws Exception {
    assertThatThrownBy(() -> run("input-artifact-git.yaml")).isInstanceOf(EngineException.class)
        .hasMessageStartingWith("spec.templates[0].inputs.artifacts[0].git (artifact 'argo-source'): "
            + "standalone mode fetches input artifacts only from raw, http.url");
    assertThatThrownBy(() -> run("output-artifact-s3.yaml")).isInstanceOf(EngineException.class)
        .hasMessageStartingWith("spec.templates[0].outputs.artifacts[0].s3 (artifact 'message'): "
            + "standalone mode saves output artifacts only to its own artifact repository");
  }

  @Test
  void aMissingRequiredOutputFailsTheProducerAndAMissingOptionalOneDoesNot() throws Exception {
    Path file = dir.resolve("optional.yaml");
    Files.writeString(file, """
        apiVersion: argoproj.io/v1alpha1
        kind: Workflow
        metadata: {name: optional-outputs, namespace: argo}
        spec:
          entrypoint: main
          templates:
          - name: main
            steps:
            - - {name: maybe, template: maybe}
          - name: maybe
            container: {image: busybox, command: ["true"]}
            outputs:
              artifacts:
              - {name: absent, path: /tmp/absent, optional: true}
        """);
    Resource wf = CompatCorpus.load(file).get(0).resource();
    WorkflowRun run = Submission.prepare(wf, Map.of(), null, templates, Clock.systemUTC().instant());
    new WorkflowRunner(new WorkflowEngine(templates, new EngineSettings("localhost", true), new SyncLocks()),
        executor, Clock.systemUTC(), RunObserver.NONE).run(run);
    assertThat(run.phase).as(UpstreamExamplesRunTest.summary(run)).isEqualTo("Succeeded");
    assertThat(json(run, node(run, "maybe")).path("outputs").has("artifacts")).isFalse();
  }
}
