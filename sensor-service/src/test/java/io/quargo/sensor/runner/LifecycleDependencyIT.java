package io.quargo.sensor.runner;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.quargo.core.Json;
import io.quargo.core.event.CloudEvent;
import io.quargo.eventbus.BusConfig;
import io.quargo.eventbus.BusConnection;
import io.quargo.eventbus.publish.Publisher;
import io.quargo.eventbus.testkit.NatsServerExtension;
import io.quargo.eventbus.testkit.NatsTestServer;
import io.quargo.eventbus.topology.StandardStreams;
import io.quargo.eventbus.topology.StreamLimits;
import io.quargo.eventbus.topology.Subjects;
import io.quargo.eventbus.topology.Topology;
import io.quargo.sensor.Yaml;
import io.quargo.sensor.spec.Sensor;
import io.quargo.sensor.trigger.LogTrigger;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** A Sensor that depends on "a workflow reached Succeeded" through the lifecycle stream, not a resource watch. */
@ExtendWith(NatsServerExtension.class)
class LifecycleDependencyIT {

  private static CloudEvent phase(String type, String workflow, String phase) {
    return CloudEvent.builder().source("workflow-controller").type(type).subject(workflow)
        .data(Json.object().put("workflow", workflow).put("phase", phase)).build();
  }

  @Test
  void aWorkflowsSucceededPhaseFiresTheTriggerAndNothingElseDoes(NatsTestServer nats) {
    try (BusConnection bus = BusConnection.connect(BusConfig.from(Map.of("quargo.bus.url", nats.url())))) {
      Topology topology = new Topology(bus);
      topology.ensureStream(StandardStreams.events(StreamLimits.defaults()));
      topology.ensureStream(StandardStreams.lifecycle(StreamLimits.defaults()));
      Sensor sensor = Yaml.sensor("chain", """
          dependencies:
            - name: built
              eventSourceName: quargo-lifecycle
              eventName: workflow
              filters:
                data:
                  - {path: phase, type: string, value: [Succeeded]}
                  - {path: workflow, type: string, value: ["build-.*"]}
          triggers:
            - template: {name: deploy, log: {}}
          """);
      List<String> fired = new CopyOnWriteArrayList<>();
      Publisher publisher = new Publisher(bus);
      try (SensorRunner runner = new SensorRunner(bus, sensor, List.of(new LogTrigger(fired::add)),
          RunnerOptions.defaults().withStateBucket("lc-" + System.nanoTime())).start()) {
        String ns = sensor.namespace();
        publisher.publish(Subjects.lifecycle(ns, "workflow", "build-1"), phase("workflow.phase", "build-1", "Running"));
        publisher.publish(Subjects.lifecycle(ns, "workflow", "build-1"), phase("node.phase", "build-1", "Succeeded"));
        publisher.publish(Subjects.lifecycle(ns, "workflow", "test-7"), phase("workflow.phase", "test-7", "Succeeded"));
        publisher.publish(Subjects.lifecycle(ns, "workflow", "build-1"), phase("workflow.phase", "build-1", "Succeeded"));
        await().atMost(Duration.ofSeconds(20)).until(() -> fired.size() >= 1);
        // the later events were all seen by now (one consumer, in order): still a single firing
        publisher.publish(Subjects.lifecycle(ns, "workflow", "build-1"), phase("node.phase", "build-1", "Succeeded"));
        await().pollDelay(Duration.ofMillis(500)).atMost(Duration.ofSeconds(5)).until(() -> true);
        assertThat(fired).singleElement().satisfies(line -> assertThat(line).contains("build-1")
            .contains("\"deploy\""));
      }
    }
  }
}
