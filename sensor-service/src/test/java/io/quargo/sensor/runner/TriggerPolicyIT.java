package io.quargo.sensor.runner;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.quargo.core.Json;
import io.quargo.core.event.CloudEvent;
import io.quargo.eventbus.BusConfig;
import io.quargo.eventbus.BusConnection;
import io.quargo.eventbus.consume.ConsumerOptions;
import io.quargo.eventbus.consume.RetryBackoff;
import io.quargo.eventbus.publish.Publisher;
import io.quargo.eventbus.testkit.NatsServerExtension;
import io.quargo.eventbus.testkit.NatsTestServer;
import io.quargo.eventbus.topology.StandardStreams;
import io.quargo.eventbus.topology.StreamLimits;
import io.quargo.eventbus.topology.Topology;
import io.quargo.sensor.HttpSink;
import io.quargo.sensor.Yaml;
import io.quargo.sensor.spec.Sensor;
import io.quargo.sensor.trigger.HttpTrigger;
import io.quargo.core.secret.SecretResolver;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** retryStrategy, dlqTrigger and rateLimit end to end: events on a real NATS, http triggers to a local sink. */
@ExtendWith(NatsServerExtension.class)
class TriggerPolicyIT {
  private static final RunnerOptions OPTIONS = RunnerOptions.defaults()
      .withConsumer(ConsumerOptions.defaults().withBackoff(RetryBackoff.fixed(Duration.ofMillis(200)))
          .withPullWait(Duration.ofSeconds(1)).withShutdownGrace(Duration.ofSeconds(2)));

  private static CloudEvent event(String id, int n) {
    return CloudEvent.builder().id(id).source("hooks").type("webhook").subject("a")
        .data(Json.parse(("{\"body\": {\"n\": " + n + "}}").getBytes(StandardCharsets.UTF_8))).build();
  }

  /** One http trigger named call to {@code url}, with {@code extra} trigger fields (YAML at column 0). */
  private static Sensor sensor(String name, String url, String extra) {
    String trigger = http("call", url) + "\n" + extra;
    return Yaml.sensor(name, "dependencies:\n  - {name: dep, eventSourceName: hooks, eventName: a}\n"
        + "triggers:\n  - " + trigger.indent(4).substring(4));
  }

  private static String http(String name, String url) {
    return """
        template:
          name: %s
          http:
            url: %s
            payload: [{src: {dependencyName: dep, dataKey: body.n}, dest: n}]
        policy: {status: {allow: [200]}}""".formatted(name, url);
  }

  private static SensorRunner start(BusConnection bus, Sensor sensor, RunnerOptions options) {
    new Topology(bus).ensureStream(StandardStreams.events(StreamLimits.defaults()));
    return new SensorRunner(bus, sensor, List.of(new HttpTrigger(SecretResolver.none())), options).start();
  }

  @Test
  void retriesWithTheBackoffUntilTheTargetAccepts(NatsTestServer nats) {
    FakePacer pacer = new FakePacer();
    try (HttpSink sink = new HttpSink(); BusConnection bus = BusConnection.connect(config(nats))) {
      Sensor sensor = sensor("retry-ok", sink.url("/hook"),
          "retryStrategy: {steps: 4, duration: 1s, factor: 2}");
      sink.statuses.addAll(List.of(503, 500));
      try (SensorRunner runner = start(bus, sensor, OPTIONS.withPacer(pacer))) {
        new Publisher(bus).publishEvent("ns", event("retry-ok-" + System.nanoTime(), 7));
        await().atMost(Duration.ofSeconds(30)).until(() -> sink.requests.size() >= 3
            && runner.tracker().pending(sensor.triggers().get(0)).isEmpty());
        assertThat(sink.requests).hasSize(3)
            .extracting(r -> r.header(HttpTrigger.TRIGGER_ID_HEADER)).containsOnly(
                sink.requests.get(0).header(HttpTrigger.TRIGGER_ID_HEADER));
        assertThat(pacer.sleeps).containsExactly(Duration.ofSeconds(1), Duration.ofSeconds(2));
      }
    }
  }

  @Test
  void whenEveryAttemptFailsTheDlqTriggerGetsTheSameEventsAndTheEventWaitsForIt(NatsTestServer nats) {
    FakePacer pacer = new FakePacer();
    try (HttpSink sink = new HttpSink(); HttpSink dead = new HttpSink();
        BusConnection bus = BusConnection.connect(config(nats))) {
      Sensor sensor = sensor("retry-dlq", sink.url("/hook"), "retryStrategy: {steps: 3, duration: 1s}\n"
          + "dlqTrigger:\n" + http("dead-letters", dead.url("/dlq")).indent(2));
      sink.statuses.addAll(List.of(503, 503, 503, 503, 503, 503));
      dead.statuses.add(502); // the DLQ target refuses once: the event is redelivered, not acked
      try (SensorRunner runner = start(bus, sensor, OPTIONS.withPacer(pacer))) {
        new Publisher(bus).publishEvent("ns", event("retry-dlq-" + System.nanoTime(), 9));
        await().atMost(Duration.ofSeconds(30)).until(() -> dead.requests.size() >= 2
            && runner.tracker().pending(sensor.triggers().get(0)).isEmpty());
        // delivery 1: three refused attempts, DLQ refused; delivery 2: three more, DLQ accepts
        assertThat(sink.requests).hasSize(6);
        assertThat(dead.requests).hasSize(2).allSatisfy(r -> assertThat(r.body()).isEqualTo("{\"n\":\"9\"}"));
        String dlqKey = dead.requests.get(0).header(HttpTrigger.TRIGGER_ID_HEADER);
        assertThat(dead.requests.get(1).header(HttpTrigger.TRIGGER_ID_HEADER)).isEqualTo(dlqKey);
        assertThat(dlqKey).isNotEqualTo(sink.requests.get(0).header(HttpTrigger.TRIGGER_ID_HEADER));
        awaitAcked(bus, runner, sensor);
      }
    }
  }

  @Test
  void exhaustedWithoutDlqIsGivenUpAndTheEventAcked(NatsTestServer nats) {
    try (HttpSink sink = new HttpSink(); BusConnection bus = BusConnection.connect(config(nats))) {
      Sensor sensor = sensor("retry-give-up", sink.url("/hook"), "retryStrategy: {steps: 2, duration: 1s}");
      sink.statuses.addAll(List.of(503, 503));
      try (SensorRunner runner = start(bus, sensor, OPTIONS.withPacer(new FakePacer()))) {
        new Publisher(bus).publishEvent("ns", event("retry-give-up-" + System.nanoTime(), 1));
        await().atMost(Duration.ofSeconds(30)).until(() -> sink.requests.size() >= 2
            && runner.tracker().pending(sensor.triggers().get(0)).isEmpty());
        awaitAcked(bus, runner, sensor);
        assertThat(sink.requests).hasSize(2);
      }
    }
  }

  @Test
  void rateLimitSpacesEffectsAndLosesNone(NatsTestServer nats) {
    FakePacer pacer = new FakePacer();
    try (HttpSink sink = new HttpSink(); BusConnection bus = BusConnection.connect(config(nats))) {
      Sensor sensor = sensor("rate-limited", sink.url("/hook"), "rateLimit: {unit: Hour, requestsPerUnit: 2}");
      try (SensorRunner runner = start(bus, sensor, OPTIONS.withPacer(pacer).withClock(pacer.clock()))) {
        Publisher publisher = new Publisher(bus);
        for (int i = 0; i < 4; i++) {
          publisher.publishEvent("ns", event("rate-limited-" + i + "-" + System.nanoTime(), i));
        }
        await().atMost(Duration.ofSeconds(30)).until(() -> sink.requests.size() >= 4);
        awaitAcked(bus, runner, sensor);
        assertThat(sink.requests).extracting(HttpSink.Request::body)
            .containsExactly("{\"n\":\"0\"}", "{\"n\":\"1\"}", "{\"n\":\"2\"}", "{\"n\":\"3\"}");
        // the fake clock stands still between events, so each later one waited a full half hour
        assertThat(pacer.sleeps).containsExactly(Duration.ofMinutes(30), Duration.ofMinutes(30),
            Duration.ofMinutes(30));
      }
    }
  }

  /** The dependency's durable consumer has nothing left unacknowledged: no redelivery is coming. */
  private static void awaitAcked(BusConnection bus, SensorRunner runner, Sensor sensor) {
    String durable = runner.durableName(sensor.dependencies().get(0));
    await().atMost(Duration.ofSeconds(30)).until(() -> {
      var info = bus.management().getConsumerInfo(StandardStreams.EVENTS, durable);
      return info.getNumAckPending() == 0 && info.getNumPending() == 0;
    });
  }

  private static BusConfig config(NatsTestServer nats) {
    return BusConfig.from(Map.of("quargo.bus.url", nats.url()));
  }
}
