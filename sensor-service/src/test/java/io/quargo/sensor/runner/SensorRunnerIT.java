package io.quargo.sensor.runner;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import io.quargo.core.Json;
import io.quargo.core.event.CloudEvent;
import io.quargo.eventbus.BusConfig;
import io.quargo.eventbus.BusConnection;
import io.quargo.eventbus.consume.ConsumerOptions;
import io.quargo.eventbus.consume.RetryBackoff;
import io.quargo.eventbus.kv.KvBucket;
import io.quargo.eventbus.publish.Publisher;
import io.quargo.eventbus.testkit.NatsServerExtension;
import io.quargo.eventbus.testkit.NatsTestServer;
import io.quargo.eventbus.topology.KvSpec;
import io.quargo.eventbus.topology.StandardStreams;
import io.quargo.eventbus.topology.StreamLimits;
import io.quargo.eventbus.topology.Topology;
import io.quargo.sensor.HttpSink;
import io.quargo.sensor.Yaml;
import io.quargo.sensor.conditions.ConditionTracker;
import io.quargo.sensor.conditions.ExecutionKey;
import io.quargo.sensor.conditions.Firing;
import io.quargo.sensor.spec.Sensor;
import io.quargo.sensor.spec.Trigger;
import io.quargo.sensor.trigger.HttpTrigger;
import io.quargo.sensor.trigger.LogTrigger;
import io.quargo.core.secret.SecretResolver;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** A Sensor end to end: events on the testkit NATS, conditions in its KV, http and log triggers to a local sink. */
@ExtendWith(NatsServerExtension.class)
class SensorRunnerIT {
  private static final SecretResolver SECRETS = (ns, name, key) ->
      ns.equals("ns") && name.equals("http-auth") ? Map.of("user", "quargo", "pass", "s3cret").get(key) : null;
  private static final RunnerOptions OPTIONS = RunnerOptions.defaults()
      .withConsumer(ConsumerOptions.defaults().withBackoff(RetryBackoff.fixed(Duration.ofMillis(200)))
          .withPullWait(Duration.ofSeconds(1)).withShutdownGrace(Duration.ofSeconds(2)));

  private static Sensor sensor(String name, String url) {
    return Yaml.sensor(name, """
        dependencies:
          - name: dep-a
            eventSourceName: hooks
            eventName: a
            filters: {data: [{path: body.ok, type: bool, value: ["true"]}]}
          - {name: dep-b, eventSourceName: hooks, eventName: b}
        triggers:
          - template:
              name: call
              conditions: "dep-a && dep-b"
              http:
                url: %s
                method: PUT
                headers: {X-Static: static}
                basicAuth:
                  username: {name: http-auth, key: user}
                  password: {name: http-auth, key: pass}
                timeout: 5
                payload:
                  - {src: {dependencyName: dep-a, dataKey: body.n}, dest: a}
                  - {src: {dependencyName: dep-b, dataKey: body.n}, dest: b}
            policy: {status: {allow: [200]}}
          - template: {name: note, conditions: dep-b, log: {}}
        """.formatted(url));
  }

  private static CloudEvent event(String name, String id, String body) {
    return CloudEvent.builder().id(id).source("hooks").type("webhook").subject(name)
        .data(Json.parse(("{\"body\": " + body + "}").getBytes(StandardCharsets.UTF_8))).build();
  }

  @Test
  void firesOnceWhenBothDependenciesArriveAndRetriesARefusedCallWithTheSameKey(NatsTestServer nats) {
    BusConfig config = BusConfig.from(Map.of("quargo.bus.url", nats.url()));
    List<String> logged = new CopyOnWriteArrayList<>();
    try (HttpSink sink = new HttpSink(); BusConnection bus = BusConnection.connect(config)) {
      new Topology(bus).ensureStream(StandardStreams.events(StreamLimits.defaults()));
      Sensor sensor = sensor("e2e", sink.url("/hook"));
      Publisher publisher = new Publisher(bus);
      sink.statuses.add(503); // the first call is refused; policy.status.allow makes that a failure
      try (SensorRunner runner = new SensorRunner(bus, sensor,
          List.of(new HttpTrigger(SECRETS), new LogTrigger(logged::add)), OPTIONS).start()) {
        publisher.publishEvent("ns", event("a", "a-filtered", "{\"ok\": false, \"n\": 0}"));
        publisher.publishEvent("ns", event("a", "a1", "{\"ok\": true, \"n\": 1}"));
        publisher.publishEvent("ns", event("b", "b1", "{\"n\": 10}"));

        await().atMost(Duration.ofSeconds(30)).until(() -> sink.requests.size() >= 2
            && runner.tracker().pending(sensor.triggers().get(0)).isEmpty());
        String key = ExecutionKey.of("ns", "e2e", "call", Map.of("dep-a", event("a", "a1", "{}"),
            "dep-b", event("b", "b1", "{}")));
        assertThat(sink.requests).hasSize(2).allSatisfy(r -> {
          assertThat(r.method()).isEqualTo("PUT");
          assertThat(r.header(HttpTrigger.TRIGGER_ID_HEADER)).isEqualTo(key);
          assertThat(r.header("X-Static")).isEqualTo("static");
          assertThat(r.header("Authorization")).isEqualTo("Basic "
              + Base64.getEncoder().encodeToString("quargo:s3cret".getBytes(StandardCharsets.UTF_8)));
          assertThat(Json.parse(r.body().getBytes(StandardCharsets.UTF_8)))
              .isEqualTo(Json.parse("{\"a\": \"1\", \"b\": \"10\"}".getBytes(StandardCharsets.UTF_8)));
        });
        await().atMost(Duration.ofSeconds(10)).until(() -> logged.size() == 1);
        JsonNode line = Json.parse(logged.get(0).getBytes(StandardCharsets.UTF_8));
        assertThat(line.path("trigger").asText()).isEqualTo("note");
        assertThat(line.at("/events/dep-b/id").asText()).isEqualTo("b1");
        assertThat(runner.tracker().saved(sensor.triggers().get(0))).isEmpty();
      }
    }
  }

  @Test
  void twoReplicasShareOneSensorAndFireEachPairOnce(NatsTestServer nats) {
    BusConfig config = BusConfig.from(Map.of("quargo.bus.url", nats.url()));
    try (HttpSink sink = new HttpSink(); BusConnection one = BusConnection.connect(config);
        BusConnection two = BusConnection.connect(config)) {
      new Topology(one).ensureStream(StandardStreams.events(StreamLimits.defaults()));
      Sensor sensor = sensor("shared", sink.url("/hook"));
      Publisher publisher = new Publisher(one);
      try (SensorRunner r1 = new SensorRunner(one, sensor, List.of(new HttpTrigger(SECRETS),
              new LogTrigger(l -> { })), OPTIONS).start();
          SensorRunner r2 = new SensorRunner(two, sensor, List.of(new HttpTrigger(SECRETS),
              new LogTrigger(l -> { })), OPTIONS).start()) {
        int rounds = 15;
        for (int i = 0; i < rounds; i++) {
          // ids unique to this test: the stream deduplicates ids it saw in the last two minutes
          publisher.publishEvent("ns", event("b", "shared-b" + i, "{\"n\": " + i + "}"));
          publisher.publishEvent("ns", event("a", "shared-a" + i, "{\"ok\": true, \"n\": " + i + "}"));
          int expected = i + 1;
          await().atMost(Duration.ofSeconds(30)).until(() -> sink.requests.size() >= expected);
        }
        await().atMost(Duration.ofSeconds(10)).until(() -> r1.tracker().pending(sensor.triggers().get(0)).isEmpty());
        List<String> bodies = new ArrayList<>();
        sink.requests.forEach(r -> bodies.add(r.body()));
        assertThat(sink.requests).hasSize(rounds);
        assertThat(sink.requests.stream().map(r -> r.header(HttpTrigger.TRIGGER_ID_HEADER)).distinct()).hasSize(rounds);
        for (int i = 0; i < rounds; i++) {
          assertThat(bodies.get(i)).isEqualTo("{\"a\":\"" + i + "\",\"b\":\"" + i + "\"}");
        }
      }
    }
  }

  @Test
  void aFiringLeftPendingByACrashedReplicaIsPerformedOnStart(NatsTestServer nats) {
    BusConfig config = BusConfig.from(Map.of("quargo.bus.url", nats.url()));
    try (HttpSink sink = new HttpSink(); BusConnection bus = BusConnection.connect(config)) {
      new Topology(bus).ensureStream(StandardStreams.events(StreamLimits.defaults()));
      new Topology(bus).ensureKv(KvSpec.of(OPTIONS.stateBucket()));
      Sensor sensor = sensor("crashed", sink.url("/hook"));
      Trigger call = sensor.triggers().get(0);
      // a replica decided the firing, then died before performing it
      ConditionTracker dead = new ConditionTracker(KvBucket.open(bus, OPTIONS.stateBucket()), sensor,
          Clock.systemUTC());
      dead.onDependency(call, "dep-a", event("a", "crashed-a1", "{\"ok\": true, \"n\": 1}"));
      Firing left = dead.onDependency(call, "dep-b", event("b", "crashed-b1", "{\"n\": 2}")).orElseThrow();

      try (SensorRunner runner = new SensorRunner(bus, sensor, List.of(new HttpTrigger(SECRETS),
          new LogTrigger(l -> { })), OPTIONS.withRecoverAfter(Duration.ZERO)).start()) {
        assertThat(sink.requests).singleElement().satisfies(r -> {
          assertThat(r.header(HttpTrigger.TRIGGER_ID_HEADER)).isEqualTo(left.executionKey());
          assertThat(r.body()).isEqualTo("{\"a\":\"1\",\"b\":\"2\"}");
        });
        assertThat(runner.tracker().pending(call)).isEmpty();
      }
    }
  }
}
