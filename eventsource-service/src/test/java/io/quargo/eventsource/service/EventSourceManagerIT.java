package io.quargo.eventsource.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.quargo.core.Json;
import io.quargo.core.resource.ArgoKinds;
import io.quargo.core.resource.Resource;
import io.quargo.core.workflow.manifest.ManifestLoader;
import io.quargo.eventbus.resource.NatsResourceStore;
import io.quargo.eventbus.testkit.NatsServerExtension;
import io.quargo.eventbus.testkit.NatsTestServer;
import io.quargo.eventsource.amqp.BusFixture;
import io.quargo.kube.ClusterAccess;
import io.quargo.eventsource.spi.SourceEvent;
import io.quargo.eventsource.spi.SourceMetrics;
import io.quargo.core.secret.SecretResolver;
import io.vertx.core.Vertx;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** The manager on a real bus: a resource source without an apiserver, and the event meters. */
@ExtendWith(NatsServerExtension.class)
class EventSourceManagerIT {
  private static final Duration WAIT = Duration.ofSeconds(30);
  private final String suffix = UUID.randomUUID().toString().substring(0, 8);

  private static Resource yaml(String text) {
    return ManifestLoader.load(text, "manager.yaml").get(0).resource();
  }

  private EventSourceManager manager(BusFixture bus, NatsResourceStore store, Vertx vertx, SimpleMeterRegistry meters) {
    return new EventSourceManager(bus.bus(), store, vertx, "127.0.0.1", SecretResolver.none())
        .withCluster(ClusterAccess.none()).withMeterRegistry(meters)
        .withLeases(LeaseSettings.defaults().withBucket("mgr-leases-" + suffix)).start();
  }

  @Test
  void aResourceSourceWithoutAnApiserverSaysSoInStatus(NatsTestServer nats) throws Exception {
    Vertx vertx = Vertx.vertx();
    try (BusFixture bus = BusFixture.connect(nats);
        EventSourceManager manager = manager(bus, new NatsResourceStore(bus.bus(), "mgr" + suffix, 5), vertx,
            new SimpleMeterRegistry())) {
      NatsResourceStore store = new NatsResourceStore(bus.bus(), "mgr" + suffix, 5);
      store.create(yaml("""
          apiVersion: argoproj.io/v1alpha1
          kind: EventSource
          metadata: {name: cluster, namespace: argo-events}
          spec:
            resource:
              example: {namespace: argo-events, version: v1, resource: configmaps, eventTypes: [ADD]}
          """));
      await().atMost(WAIT).until(() -> status(store, "cluster").has("phase"));
      JsonNode status = status(store, "cluster");
      assertThat(status.path("phase").asText()).isEqualTo("Degraded");
      assertThat(status.path("message").asText()).contains("resource.example")
          .contains("resource sources need cluster mode or a kubeconfig");
      assertThat(status.path("adapters").asInt()).isZero();
    } finally {
      vertx.close();
    }
  }

  @Test
  void webhookAndAdapterEventsAreCountedAndTimed(NatsTestServer nats) throws Exception {
    int port;
    try (ServerSocket s = new ServerSocket(0)) {
      port = s.getLocalPort();
    }
    Vertx vertx = Vertx.vertx();
    SimpleMeterRegistry meters = new SimpleMeterRegistry();
    try (BusFixture bus = BusFixture.connect(nats);
        EventSourceManager manager = manager(bus, new NatsResourceStore(bus.bus(), "mgr" + suffix, 5), vertx,
            meters)) {
      NatsResourceStore store = new NatsResourceStore(bus.bus(), "mgr" + suffix, 5);
      store.create(yaml("""
          apiVersion: argoproj.io/v1alpha1
          kind: EventSource
          metadata: {name: hooks, namespace: team}
          spec:
            webhook:
              push: {port: "%d", endpoint: /push, method: POST, filter: {expression: "body.n > 1"}}
          """.formatted(port)));
      HttpClient http = HttpClient.newHttpClient();
      await().atMost(WAIT).ignoreExceptions().until(() -> post(http, port, 1) == 200);
      assertThat(post(http, port, 2)).isEqualTo(200);

      Map<String, String> tags = Map.of("namespace", "team", "eventSource", "hooks", "eventName", "push",
          "type", "webhook");
      assertThat(count(meters, SourceMetrics.RECEIVED, tags)).isEqualTo(2);
      assertThat(count(meters, SourceMetrics.FILTERED, tags)).isEqualTo(1);
      assertThat(count(meters, SourceMetrics.PUBLISHED, tags)).isEqualTo(1);
      assertThat(meters.get(SourceMetrics.LATENCY).tags(flat(tags)).timer().count()).isEqualTo(1);
      assertThat(meters.find(SourceMetrics.FAILED).counters()).isEmpty();
    } finally {
      vertx.close();
    }
  }

  @Test
  void anEventSourceWhoseEndpointClashesIsRefusedWholeAndTheOtherKeepsServing(NatsTestServer nats) throws Exception {
    int port;
    try (ServerSocket s = new ServerSocket(0)) {
      port = s.getLocalPort();
    }
    Vertx vertx = Vertx.vertx();
    try (BusFixture bus = BusFixture.connect(nats);
        EventSourceManager manager = manager(bus, new NatsResourceStore(bus.bus(), "mgr" + suffix, 5), vertx,
            new SimpleMeterRegistry())) {
      NatsResourceStore store = new NatsResourceStore(bus.bus(), "mgr" + suffix, 5);
      store.create(yaml("""
          apiVersion: argoproj.io/v1alpha1
          kind: EventSource
          metadata: {name: hooks, namespace: team}
          spec:
            webhook:
              push: {port: "%d", endpoint: /push, method: POST}
          """.formatted(port)));
      HttpClient http = HttpClient.newHttpClient();
      await().atMost(WAIT).ignoreExceptions().until(() -> post(http, port, 1) == 200);
      store.create(yaml("""
          apiVersion: argoproj.io/v1alpha1
          kind: EventSource
          metadata: {name: thief, namespace: team}
          spec:
            webhook:
              again: {port: "%1$d", endpoint: /push, method: POST}
              other: {port: "%1$d", endpoint: /other, method: POST}
          """.formatted(port)));
      await().atMost(WAIT).until(() -> status(store, "thief").has("phase"));
      JsonNode status = status(store, "thief");
      assertThat(status.path("phase").asText()).isEqualTo("Error");
      assertThat(status.path("message").asText()).contains("spec.webhook.again.endpoint")
          .contains("/push on port " + port + " is already served for team/hooks/push");
      assertThat(post(http, port, 2)).isEqualTo(200);
      // nothing of the refused EventSource was applied: its other endpoint is not served
      assertThat(http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/other"))
          .POST(HttpRequest.BodyPublishers.ofString("{}")).build(), HttpResponse.BodyHandlers.discarding())
          .statusCode()).isEqualTo(404);
    } finally {
      vertx.close();
    }
  }

  @Test
  void aWebhookPortThatCannotBeBoundIsInTheStatus(NatsTestServer nats) throws Exception {
    Vertx vertx = Vertx.vertx();
    try (ServerSocket taken = new ServerSocket(0, 50, java.net.InetAddress.getByName("127.0.0.1"));
        BusFixture bus = BusFixture.connect(nats);
        EventSourceManager manager = manager(bus, new NatsResourceStore(bus.bus(), "mgr" + suffix, 5), vertx,
            new SimpleMeterRegistry())) {
      NatsResourceStore store = new NatsResourceStore(bus.bus(), "mgr" + suffix, 5);
      store.create(yaml("""
          apiVersion: argoproj.io/v1alpha1
          kind: EventSource
          metadata: {name: blocked, namespace: team}
          spec:
            webhook:
              push: {port: "%d", endpoint: /push, method: POST}
          """.formatted(taken.getLocalPort())));
      await().atMost(WAIT).until(() -> status(store, "blocked").has("phase"));
      JsonNode status = status(store, "blocked");
      assertThat(status.path("phase").asText()).isEqualTo("Degraded");
      assertThat(status.path("message").asText()).startsWith("spec.webhook.push.port: cannot serve webhooks on 127.0.0.1:"
          + taken.getLocalPort());
      assertThat(status.at("/sources/push/running").asBoolean()).isFalse();
    } finally {
      vertx.close();
    }
  }

  @Test
  void aPublishTheBusDidNotTakeCountsAsFailed(NatsTestServer nats) throws Exception {
    SimpleMeterRegistry meters = new SimpleMeterRegistry();
    BusFixture bus = BusFixture.connect(nats);
    var sink = new io.quargo.eventsource.spi.BusEventSink(new io.quargo.eventbus.publish.Publisher(bus.bus()), "team",
        "es", Map.of(), new SourceMetrics(meters));
    bus.close();
    ObjectNode data = Json.object().put("n", 1);
    assertThat(sink.publish(new SourceEvent("e", "calendar", null, null, data))).isCompletedExceptionally();
    assertThat(count(meters, SourceMetrics.FAILED, Map.of("namespace", "team", "eventSource", "es",
        "eventName", "e", "type", "calendar"))).isEqualTo(1);
  }

  private static int post(HttpClient http, int port, int n) throws Exception {
    return http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/push"))
        .POST(HttpRequest.BodyPublishers.ofString("{\"n\": " + n + "}")).header("Content-Type", "application/json")
        .build(), HttpResponse.BodyHandlers.discarding()).statusCode();
  }

  private static double count(SimpleMeterRegistry meters, String name, Map<String, String> tags) {
    return meters.get(name).tags(flat(tags)).counter().count();
  }

  private static String[] flat(Map<String, String> tags) {
    return tags.entrySet().stream().flatMap(e -> java.util.stream.Stream.of(e.getKey(), e.getValue()))
        .toArray(String[]::new);
  }

  private static JsonNode status(NatsResourceStore store, String name) {
    return store.get(ArgoKinds.EVENT_SOURCE, name.equals("cluster") ? "argo-events" : "team", name)
        .map(Resource::status).orElseThrow();
  }
}
