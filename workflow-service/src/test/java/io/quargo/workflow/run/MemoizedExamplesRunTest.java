package io.quargo.workflow.run;

import static org.assertj.core.api.Assertions.assertThat;

import io.quargo.core.resource.Resource;
import io.quargo.workflow.engine.EngineSettings;
import io.quargo.workflow.engine.InMemoryMemoCache;
import io.quargo.workflow.engine.MemoizationStatus;
import io.quargo.workflow.engine.Node;
import io.quargo.workflow.engine.SyncLocks;
import io.quargo.workflow.engine.WorkflowEngine;
import io.quargo.workflow.engine.WorkflowRun;
import io.quargo.workflow.executor.local.LocalExecutor;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The upstream memoize examples run with the real local executor and the in-memory cache of {@code quargo run}
 * (expectations.tsv lists them lint-only: upstream needs a Kubernetes ConfigMap for the cache).
 */
class MemoizedExamplesRunTest {
  private final InMemoryMemoCache cache = new InMemoryMemoCache();

  private WorkflowRun run(String example, String name, LocalExecutor executor) throws Exception {
    Resource wf = CompatCorpus.load(CompatCorpus.examplesRoot().resolve("examples/" + example)).stream()
        .map(d -> d.resource()).filter(r -> r.kind().equals("Workflow")).findFirst().orElseThrow().withName(name);
    Clock clock = Clock.systemUTC();
    WorkflowRun run = Submission.prepare(wf, Map.of(), null, CompatCorpus.allTemplates(), clock.instant());
    WorkflowEngine engine = new WorkflowEngine(CompatCorpus.allTemplates(), new EngineSettings("localhost", true),
        new SyncLocks()).withMemoCache(cache);
    new WorkflowRunner(engine, executor, clock, RunObserver.NONE).run(run);
    return run;
  }

  @Test
  void memoizeSimpleRunsOnceThenComesFromTheCache(@TempDir Path dir) throws Exception {
    try (LocalExecutor executor = new LocalExecutor(dir)) {
      WorkflowRun first = run("memoize-simple.yaml", "memoized-first", executor);
      assertThat(first.phase).as(UpstreamExamplesRunTest.summary(first)).isEqualTo("Succeeded");
      Node ran = first.node("memoized-first");
      assertThat(ran.memoizationStatus).isEqualTo(new MemoizationStatus(false, "cache-key", "cache-config"));
      assertThat(ran.output("hello")).isEqualTo("world");
      assertThat(ran.podName).isNotNull();

      WorkflowRun second = run("memoize-simple.yaml", "memoized-second", executor);
      assertThat(second.phase).isEqualTo("Succeeded");
      Node hit = second.node("memoized-second");
      assertThat(hit.memoizationStatus).isEqualTo(new MemoizationStatus(true, "cache-key", "cache-config"));
      assertThat(hit.output("hello")).isEqualTo("world");
      assertThat(hit.outputs).isEqualTo(ran.outputs);
      assertThat(hit.podName).isNull(); // no pod: nothing ran
    }
  }

  @Test
  void fibonacciReusesTheValuesItAlreadyComputed(@TempDir Path dir) throws Exception {
    try (LocalExecutor executor = new LocalExecutor(dir)) {
      WorkflowRun run = run("fibonacci-seq-conditional-param.yaml", "fibonacci-x", executor);
      assertThat(run.phase).as(UpstreamExamplesRunTest.summary(run)).isEqualTo("Succeeded");
      assertThat(run.node("fibonacci-x[0].fibonaccimain").output("fib")).isEqualTo("5");
      long hits = run.nodes().stream().filter(n -> n.memoizationStatus != null && n.memoizationStatus.hit()).count();
      assertThat(hits).as(UpstreamExamplesRunTest.summary(run)).isPositive();
    }
  }
}
