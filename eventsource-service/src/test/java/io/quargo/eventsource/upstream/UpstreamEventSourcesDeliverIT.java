package io.quargo.eventsource.upstream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import io.quargo.core.event.CloudEvent;
import io.quargo.core.resource.ArgoKinds;
import io.quargo.core.resource.Resource;
import io.quargo.eventbus.resource.NatsResourceStore;
import io.quargo.eventbus.testkit.NatsServerExtension;
import io.quargo.eventbus.testkit.NatsTestServer;
import io.quargo.eventsource.amqp.BusFixture;
import io.quargo.kube.ClusterAccess;
import io.quargo.eventsource.service.EventSourceManager;
import io.quargo.eventsource.service.LeaseSettings;
import io.vertx.core.Vertx;
import java.time.Duration;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Every example EventSource index.tsv marks local ({@code local_only = yes}), and the {@code no} rows whose server
 * runs here too (kafka in this JVM, github and gitlab as plain HTTP), delivers a real upstream message: the file is
 * loaded as written, only its connection points are changed (by its {@link ExampleRig}), it is applied to the
 * EventSourceManager over a real nats-server, one real message per configured event is sent, and its CloudEvent
 * must arrive on {@code events.<namespace>.<eventSource>.<eventName>} in Argo's payload shape for the type.
 * One dynamic test per file; a row without a way to run here fails.
 */
@ExtendWith(NatsServerExtension.class)
class UpstreamEventSourcesDeliverIT {
  /** Rows marked {@code no} whose upstream runs on this machine all the same. */
  private static final Set<String> ALSO_HERE = Set.of("kafka", "github", "gitlab");
  private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());
  private static final Duration STATUS_WAIT = Duration.ofSeconds(60);

  private final String suffix = UUID.randomUUID().toString().substring(0, 8);
  private final AtomicInteger runs = new AtomicInteger();

  @TestFactory
  Stream<DynamicTest> everyLocalExampleEventSourceDeliversARealMessage(NatsTestServer nats) throws Exception {
    List<ExampleIndex> rows = ExampleIndex.eventSources().stream()
        .filter(r -> r.localOnly().equals("yes") || ALSO_HERE.contains(r.type())).toList();
    assertThat(rows).extracting(ExampleIndex::type).contains("amqp", "calendar", "file", "minio", "mqtt", "nats",
        "redis", "redisStream", "webhook", "kafka", "github", "gitlab");
    return rows.stream().map(row -> DynamicTest.dynamicTest(row.fileName(), row.path().toUri(), () -> deliver(nats, row)));
  }

  private void deliver(NatsTestServer nats, ExampleIndex row) throws Exception {
    ObjectNode doc = eventSource(row);
    ObjectNode entries = (ObjectNode) doc.path("spec").get(row.type());
    assertThat(entries).as(row.file() + ": spec." + row.type()).isNotNull().isNotEmpty();
    int run = runs.incrementAndGet();
    // kubectl apply -n; a namespace per file, as two examples may share a name (minio.yaml, a tutorial's)
    ((ObjectNode) doc.get("metadata")).put("namespace", "upstream-" + suffix + "-" + run);
    Vertx vertx = Vertx.vertx();
    try (ExampleRig rig = rig(row.type(), nats); BusFixture bus = BusFixture.connect(nats)) {
      rig.connect(entries);
      Resource es = Resource.of(doc);
      NatsResourceStore store = new NatsResourceStore(bus.bus(), "up" + suffix + "-" + run, 5);
      try (EventSourceManager manager = new EventSourceManager(bus.bus(), store, vertx, "127.0.0.1", rig::secret)
          .withCluster(ClusterAccess.none()).withLeases(LeaseSettings.defaults().withBucket("up-leases-" + suffix))
          .start()) {
        store.create(es);
        JsonNode status = awaitStatus(store, es);
        assertThat(status.path("phase").asText()).as("%s status %s", row.file(), status).isEqualTo("Running");
        for (Iterator<Map.Entry<String, JsonNode>> it = entries.fields(); it.hasNext(); ) {
          Map.Entry<String, JsonNode> entry = it.next();
          deliverEvent(rig, bus, row, es, entry.getKey(), entry.getValue());
        }
      }
    } finally {
      vertx.close().toCompletionStage().toCompletableFuture().join();
    }
  }

  /** Sends the event's messages one by one, each awaited on the bus, then checks the CloudEvents. */
  private void deliverEvent(ExampleRig rig, BusFixture bus, ExampleIndex row, Resource es, String eventName,
      JsonNode entry) throws Exception {
    List<ExampleRig.Message> messages = rig.messages(eventName, entry);
    if (!rig.recurring()) {
      assertThat(bus.stored(es.namespace(), es.name(), eventName)).as("%s %s: events before the first message",
          row.fileName(), eventName).isEmpty();
    }
    for (int i = 0; i < messages.size(); i++) {
      messages.get(i).send();
      int expected = i + 1;
      await().atMost(rig.patience(entry)).pollInterval(Duration.ofMillis(200))
          .alias(row.fileName() + " " + eventName + ": CloudEvent " + expected + " on events." + es.namespace() + "."
              + es.name() + "." + eventName)
          .until(() -> bus.stored(es.namespace(), es.name(), eventName).size() >= expected);
    }
    List<CloudEvent> events = bus.stored(es.namespace(), es.name(), eventName);
    if (!rig.recurring()) {
      assertThat(events).as("%s %s: one CloudEvent per message", row.fileName(), eventName).hasSize(messages.size());
    }
    assertThat(events).allSatisfy(e -> {
      assertThat(e.type()).isEqualTo(row.type());
      assertThat(e.source()).isEqualTo(es.name());
      assertThat(e.subject()).isEqualTo(eventName);
    });
    rig.check(eventName, entry, events.subList(0, messages.size()));
  }

  private static ExampleRig rig(String type, NatsTestServer nats) throws Exception {
    return switch (type) {
      case "amqp" -> new AmqpRig();
      case "calendar" -> new CalendarRig();
      case "file" -> new FileRig();
      case "minio" -> new MinioRig();
      case "mqtt" -> new MqttRig();
      case "nats" -> new NatsRig(nats);
      case "redis" -> new RedisRig(false);
      case "redisStream" -> new RedisRig(true);
      case "webhook" -> new WebhookRig();
      case "kafka" -> new KafkaRig();
      case "github" -> new GitHostingRig(true);
      case "gitlab" -> new GitHostingRig(false);
      default -> fail("index.tsv says type '" + type + "' runs locally, but nothing here runs it: add an ExampleRig");
    };
  }

  /** The file's one EventSource document, unchanged. */
  private static ObjectNode eventSource(ExampleIndex row) throws Exception {
    try (MappingIterator<JsonNode> docs = YAML.readerFor(JsonNode.class).readValues(row.path().toFile())) {
      List<JsonNode> sources = docs.readAll().stream()
          .filter(d -> d != null && d.path("kind").asText().equals("EventSource")).toList();
      assertThat(sources).as(row.file() + ": EventSource documents").hasSize(1);
      return (ObjectNode) sources.get(0);
    }
  }

  private static JsonNode awaitStatus(NatsResourceStore store, Resource es) {
    return await().atMost(STATUS_WAIT).until(
        () -> store.get(ArgoKinds.EVENT_SOURCE, es.namespace(), es.name()).map(Resource::status).orElse(null),
        s -> s != null && s.has("phase"));
  }
}
