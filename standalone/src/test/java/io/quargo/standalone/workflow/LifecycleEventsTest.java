package io.quargo.standalone.workflow;

import static io.quargo.standalone.api.ApiTestAccess.createHello;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import io.nats.client.api.MessageInfo;
import io.quargo.core.Json;
import io.quargo.eventbus.BusConnection;
import io.quargo.eventbus.testkit.NatsTestResource;
import io.quargo.eventbus.topology.StandardStreams;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.UUID;
import org.junit.jupiter.api.Test;

@QuarkusTest
@WithTestResource(NatsTestResource.class)
class LifecycleEventsTest {
  @Inject
  BusConnection bus;

  @Test
  void phaseChangesAreStoredOnTheLifecycleStreamAsCloudEvents() throws Exception {
    String ns = "t" + UUID.randomUUID().toString().substring(0, 8);
    String name = createHello(ns);
    String subject = "lifecycle." + ns + ".workflow." + name;
    await().atMost(Duration.ofSeconds(60)).ignoreExceptions().until(() -> {
      JsonNode event = Json.parse(last(subject).getData());
      return event.path("type").asText().equals("workflow.phase")
          && event.path("data").path("phase").asText().equals("Succeeded");
    });
    JsonNode event = Json.parse(last(subject).getData());
    assertThat(event.path("specversion").asText()).isEqualTo("1.0");
    assertThat(event.path("subject").asText()).isEqualTo(name);
    assertThat(event.path("source").asText()).isEqualTo("workflow-controller");
    assertThat(event.path("data").path("workflow").asText()).isEqualTo(name);
  }

  private MessageInfo last(String subject) throws Exception {
    return bus.management().getLastMessage(StandardStreams.LIFECYCLE, subject);
  }
}
