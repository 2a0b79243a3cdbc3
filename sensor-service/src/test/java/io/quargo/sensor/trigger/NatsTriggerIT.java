package io.quargo.sensor.trigger;

import io.quargo.core.secret.SecretResolver;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.nats.client.Connection;
import io.nats.client.Message;
import io.nats.client.Nats;
import io.nats.client.Subscription;
import io.quargo.core.Json;
import io.quargo.core.event.CloudEvent;
import io.quargo.eventbus.BusConfig;
import io.quargo.eventbus.BusConnection;
import io.quargo.eventbus.consume.ConsumerOptions;
import io.quargo.eventbus.publish.Publisher;
import io.quargo.eventbus.testkit.NatsServerExtension;
import io.quargo.eventbus.topology.StandardStreams;
import io.quargo.eventbus.topology.StreamLimits;
import io.quargo.eventbus.topology.Topology;
import io.quargo.sensor.Yaml;
import io.quargo.sensor.runner.RunnerOptions;
import io.quargo.sensor.runner.SensorRunner;
import io.quargo.sensor.spec.Sensor;
import io.quargo.eventbus.testkit.NatsServers;
import io.quargo.eventbus.testkit.NatsTestServer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** The nats trigger publishing to a second, real nats-server (not the bus). */
@ExtendWith(NatsServerExtension.class)
class NatsTriggerIT {
  private static final SecretResolver SECRETS = (ns, name, key) ->
      name.equals("nats-auth") ? Map.of("user", "sensor", "pass", "pw").get(key) : null;

  @Test
  void publishesThePayloadWithTheExecutionKeyToAServerWrittenWithoutScheme() throws Exception {
    try (NatsTestServer target = NatsServers.dedicated(); Connection sub = Nats.connect(target.url());
        NatsTrigger trigger = new NatsTrigger(SECRETS)) {
      Subscription s = sub.subscribe("minio-events");
      sub.flush(Duration.ofSeconds(5));
      String hostPort = target.url().replaceFirst("^nats://", "");
      // the shape of upstream's trigger-nats-messages.yaml
      Fire.fire(trigger, Fire.sensor("""
          template:
            name: nats-trigger
            nats:
              url: %s
              subject: minio-events
              payload:
                - {src: {dependencyName: dep, dataKey: body.name}, dest: fileName}
                - {src: {dependencyName: dep, dataKey: body.n}, dest: bucket}
          """.formatted(hostPort)));
      Message m = s.nextMessage(Duration.ofSeconds(10));
      assertThat(m).isNotNull();
      assertThat(Json.parse(m.getData()))
          .isEqualTo(Json.parse("{\"fileName\": \"Obi\", \"bucket\": \"7\"}".getBytes(StandardCharsets.UTF_8)));
      assertThat(m.getHeaders().getFirst(HttpTrigger.TRIGGER_ID_HEADER)).isEqualTo("exec-key-1");
      assertThat(m.getHeaders().getFirst("Nats-Msg-Id")).isEqualTo("exec-key-1");
    }
  }

  @Test
  void logsInWithBasicAuthFromASecret() throws Exception {
    try (NatsTestServer target = NatsServers.dedicated(java.util.List.of(
        "authorization { user: sensor, password: pw }"));
        Connection sub = Nats.connect(target.url().replace("nats://", "nats://sensor:pw@"));
        NatsTrigger trigger = new NatsTrigger(SECRETS)) {
      Subscription s = sub.subscribe("secured");
      sub.flush(Duration.ofSeconds(5));
      Fire.fire(trigger, Fire.sensor("""
          template:
            name: t
            nats:
              url: %s
              subject: secured
              auth: {basic: {username: {name: nats-auth, key: user}, password: {name: nats-auth, key: pass}}}
              payload: [{src: {dependencyName: dep, dataKey: body.message}, dest: text}]
          """.formatted(target.url())));
      Message m = s.nextMessage(Duration.ofSeconds(10));
      assertThat(new String(m.getData(), StandardCharsets.UTF_8)).isEqualTo("{\"text\":\"disk full\"}");
    }
  }

  @Test
  void aSensorOnTheBusPublishesOncePerFiringToAnotherServer(NatsTestServer bus) throws Exception {
    try (NatsTestServer target = NatsServers.dedicated(); Connection sub = Nats.connect(target.url());
        BusConnection connection = BusConnection.connect(BusConfig.from(Map.of("quargo.bus.url", bus.url())))) {
      new Topology(connection).ensureStream(StandardStreams.events(StreamLimits.defaults()));
      Subscription s = sub.subscribe("relayed");
      sub.flush(Duration.ofSeconds(5));
      Sensor sensor = Yaml.sensor("relay", """
          dependencies: [{name: dep, eventSourceName: hooks, eventName: relay}]
          triggers:
            - template:
                name: forward
                nats:
                  url: %s
                  subject: relayed
                  payload: [{src: {dependencyName: dep, dataKey: body.n}, dest: n}]
          """.formatted(target.url()));
      RunnerOptions options = RunnerOptions.defaults()
          .withConsumer(ConsumerOptions.defaults().withPullWait(Duration.ofSeconds(1)));
      try (SensorRunner runner = new SensorRunner(connection, sensor, List.of(new NatsTrigger(SECRETS)), options)
          .start()) {
        String run = "relay-" + System.nanoTime();
        for (int i = 0; i < 3; i++) {
          new Publisher(connection).publishEvent("ns", CloudEvent.builder().id(run + "-" + i).source("hooks")
              .type("webhook").subject("relay")
              .data(Json.parse(("{\"body\": {\"n\": " + i + "}}").getBytes(StandardCharsets.UTF_8))).build());
        }
        List<String> bodies = new java.util.ArrayList<>();
        java.util.Set<String> keys = new java.util.HashSet<>();
        for (int i = 0; i < 3; i++) {
          Message m = s.nextMessage(Duration.ofSeconds(20));
          assertThat(m).as("message %d", i).isNotNull();
          bodies.add(new String(m.getData(), StandardCharsets.UTF_8));
          keys.add(m.getHeaders().getFirst(HttpTrigger.TRIGGER_ID_HEADER));
        }
        assertThat(bodies).containsExactly("{\"n\":\"0\"}", "{\"n\":\"1\"}", "{\"n\":\"2\"}");
        assertThat(keys).hasSize(3);
      }
    }
  }

  @Test
  void anUnreachableServerIsATransientFailureNamingTheUrl() {
    try (NatsTrigger trigger = new NatsTrigger(SECRETS)) {
      assertThatThrownBy(() -> Fire.fire(trigger, Fire.sensor("""
          template: {name: t, nats: {url: "127.0.0.1:1", subject: s}}
          """))).isInstanceOfSatisfying(TriggerFailure.class, f -> assertThat(f.permanent()).isFalse())
          .hasMessageContaining("spec.triggers[0].template.nats.url: cannot connect to nats://127.0.0.1:1");
    }
  }
}
