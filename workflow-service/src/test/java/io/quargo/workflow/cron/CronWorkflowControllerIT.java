package io.quargo.workflow.cron;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.quargo.core.event.Rfc3339;
import io.quargo.core.resource.ArgoKinds;
import io.quargo.core.resource.Resource;
import io.quargo.core.workflow.manifest.ManifestLoader;
import io.quargo.eventbus.BusConfig;
import io.quargo.eventbus.BusConnection;
import io.quargo.eventbus.resource.NatsResourceStore;
import io.quargo.eventbus.testkit.NatsServerExtension;
import io.quargo.eventbus.testkit.NatsTestServer;
import io.quargo.workflow.controller.LifecycleSink;
import io.quargo.workflow.controller.WorkflowController;
import io.quargo.workflow.engine.EngineSettings;
import io.quargo.workflow.executor.local.LocalExecutor;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/** CronWorkflows over the real store: one child per tick, deterministic names, no double firing, Forbid. */
@ExtendWith(NatsServerExtension.class)
class CronWorkflowControllerIT {

  /** A clock the test moves. */
  static final class MovableClock extends Clock {
    final AtomicReference<Instant> now = new AtomicReference<>();

    @Override
    public java.time.ZoneId getZone() {
      return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(java.time.ZoneId zone) {
      return this;
    }

    @Override
    public Instant instant() {
      return now.get();
    }
  }

  @Test
  void eachTickRunsOnceAndForbidSkipsWhileOneRuns(NatsTestServer nats, @TempDir Path dir) throws Exception {
    try (BusConnection bus = BusConnection.connect(BusConfig.of(nats.url()));
        LocalExecutor executor = new LocalExecutor(dir)) {
      NatsResourceStore store = new NatsResourceStore(bus, "cron" + System.nanoTime(), 5);
      Resource cron = store.create(ManifestLoader.load("""
          apiVersion: argoproj.io/v1alpha1
          kind: CronWorkflow
          metadata: {name: tick, namespace: default}
          spec:
            schedules: ["* * * * *"]
            concurrencyPolicy: Forbid
            workflowSpec:
              entrypoint: main
              templates:
              - name: main
                container: {image: busybox, command: [sh, -c, "echo {{workflow.scheduledTime}}; sleep 2"]}
          """, "cron.yaml").get(0).resource());
      Instant created = Rfc3339.parse(cron.creationTimestamp());
      Instant firstTick = created.truncatedTo(ChronoUnit.MINUTES).plus(Duration.ofMinutes(1));
      MovableClock clock = new MovableClock();
      clock.now.set(firstTick.plusMillis(200));
      try (WorkflowController workflows = new WorkflowController(store, executor, LifecycleSink.NONE,
          new EngineSettings("host", true), Clock.systemUTC())) {
        workflows.start();
        CronWorkflowController crons = new CronWorkflowController(store, workflows, clock);
        crons.pass();
        crons.pass(); // the same tick again: nothing new
        List<Resource> children = children(store);
        assertThat(children).extracting(Resource::name).containsExactly("tick-" + firstTick.getEpochSecond());
        assertThat(children.get(0).labels()).containsEntry(CronWorkflowController.CRON_LABEL, "tick");
        assertThat(store.get(ArgoKinds.CRON_WORKFLOW, "default", "tick").orElseThrow().status()
            .path("lastScheduledTime").asText()).isEqualTo(Rfc3339.format(firstTick));

        // a second scheduler (say, after a restart) at the same moment finds the tick already run
        new CronWorkflowController(store, workflows, clock).pass();
        assertThat(children(store)).hasSize(1);

        // the next tick comes while the first still runs: Forbid skips it
        await().atMost(Duration.ofSeconds(20)).until(() -> phase(store, children.get(0).name()).equals("Running"));
        clock.now.set(firstTick.plus(Duration.ofMinutes(1)).plusMillis(100));
        crons.pass();
        assertThat(children(store)).hasSize(1);

        await().atMost(Duration.ofSeconds(30)).until(() -> phase(store, children.get(0).name()).equals("Succeeded"));
        clock.now.set(firstTick.plus(Duration.ofMinutes(2)).plusMillis(100));
        crons.pass();
        assertThat(children(store)).extracting(Resource::name).contains("tick-"
            + firstTick.plus(Duration.ofMinutes(2)).getEpochSecond());
      }
    }
  }

  private static List<Resource> children(NatsResourceStore store) {
    return store.list(ArgoKinds.WORKFLOW, "default").items();
  }

  private static String phase(NatsResourceStore store, String name) {
    return store.get(ArgoKinds.WORKFLOW, "default", name).orElseThrow().status().path("phase").asText("");
  }
}
