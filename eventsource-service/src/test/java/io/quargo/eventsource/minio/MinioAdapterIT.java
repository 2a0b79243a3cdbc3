package io.quargo.eventsource.minio;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import io.minio.MakeBucketArgs;
import io.minio.MinioClient;
import io.minio.PutObjectArgs;
import io.minio.RemoveObjectArgs;
import io.quargo.core.event.CloudEvent;
import io.quargo.eventbus.testkit.NatsServerExtension;
import io.quargo.eventbus.testkit.NatsTestServer;
import io.quargo.eventsource.amqp.BusFixture;
import io.quargo.eventsource.amqp.Specs;
import io.quargo.eventsource.spi.EventSink;
import io.quargo.eventsource.spi.SourceEvent;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.IntStream;
import org.gaul.s3proxy.junit.S3ProxyExtension;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The minio source's listing fallback against s3proxy in this JVM and our bus. */
@ExtendWith(NatsServerExtension.class)
class MinioAdapterIT {
  private static final Duration POLL = Duration.ofMillis(200);
  private static final String ALL = "[\"s3:ObjectCreated:*\", \"s3:ObjectRemoved:*\"]";

  @RegisterExtension
  final S3ProxyExtension s3 = S3ProxyExtension.builder().withCredentials("quargo-access", "quargo-secret").build();

  private final String suffix = UUID.randomUUID().toString().substring(0, 8);
  private final String eventSource = "minio-" + suffix;
  private final String bucket = "bucket-" + suffix;
  private MinioClient client;

  @BeforeEach
  void createBucket() throws Exception {
    client = MinioClient.builder().endpoint(s3.getUri().toString()).credentials(s3.getAccessKey(), s3.getSecretKey())
        .region("us-east-1").build();
    client.makeBucket(MakeBucketArgs.builder().bucket(bucket).build());
  }

  @Test
  void writingRewritingAndRemovingAnObjectAreReportedInMinIosShape(NatsTestServer nats) throws Exception {
    put("before.txt", "old"); // there at the first start: the baseline, not reported
    try (BusFixture bus = BusFixture.connect(nats); MinioAdapter adapter = adapter(bus, ALL, null)) {
      adapter.start(bus.sink("team", eventSource, Map.of()));
      put("dir/a b.txt", "hello");
      await().untilAsserted(() -> assertThat(records(bus)).hasSize(1));
      put("dir/a b.txt", "hello, again");
      await().untilAsserted(() -> assertThat(records(bus)).hasSize(2));
      remove("dir/a b.txt");
      await().untilAsserted(() -> assertThat(records(bus)).hasSize(3));

      List<JsonNode> records = records(bus);
      assertThat(records).extracting(r -> r.get("eventName").asText())
          .containsExactly("s3:ObjectCreated:Put", "s3:ObjectCreated:Put", "s3:ObjectRemoved:Delete");
      assertThat(records).allSatisfy(r -> {
        assertThat(r.at("/s3/bucket/name").asText()).isEqualTo(bucket);
        assertThat(r.at("/s3/object/key").asText()).isEqualTo("dir%2Fa+b.txt");
      });
      assertThat(records.get(0).at("/s3/object/size").asLong()).isEqualTo(5);
      assertThat(records.get(1).at("/s3/object/size").asLong()).isEqualTo(12);
      assertThat(records.get(0).at("/s3/object/eTag").asText()).isNotBlank().doesNotContain("\"")
          .isNotEqualTo(records.get(1).at("/s3/object/eTag").asText());
      CloudEvent event = bus.stored("team", eventSource, "example").get(0);
      assertThat(event.type()).isEqualTo("minio");
      assertThat(event.data().get("metadata").toString()).isEqualTo("{\"team\":\"a\"}");
    }
  }

  @Test
  void onlyKeysPassingPrefixAndSuffixAndOnlyAskedEventsAreReported(NatsTestServer nats) throws Exception {
    try (BusFixture bus = BusFixture.connect(nats);
        MinioAdapter adapter = adapter(bus, "[\"s3:ObjectCreated:Put\"]", "{\"prefix\": \"in/\", \"suffix\": \".csv\"}")) {
      adapter.start(bus.sink("team", eventSource, Map.of()));
      put("in/a.csv", "1");
      put("in/b.txt", "2");
      put("out/c.csv", "3");
      await().untilAsserted(() -> assertThat(keys(bus)).containsExactly("in%2Fa.csv"));
      remove("in/a.csv"); // removals are not asked for
      put("in/z.csv", "marker");
      await().untilAsserted(() -> assertThat(keys(bus)).contains("in%2Fz.csv"));
      assertThat(keys(bus)).containsExactly("in%2Fa.csv", "in%2Fz.csv");
    }
  }

  @Test
  void aRestartReportsWhatChangedWhileDownAndReplaysNothing(NatsTestServer nats) throws Exception {
    try (BusFixture bus = BusFixture.connect(nats)) {
      try (MinioAdapter first = adapter(bus, ALL, null)) {
        first.start(bus.sink("team", eventSource, Map.of()));
        put("a", "1");
        await().untilAsserted(() -> assertThat(records(bus)).hasSize(1));
      }
      put("b", "2");
      remove("a");

      List<SourceEvent> seen = new ArrayList<>();
      try (MinioAdapter second = adapter(bus, ALL, null)) {
        second.start(recording(bus.sink("team", eventSource, Map.of()), seen));
        await().untilAsserted(() -> assertThat(records(bus)).hasSize(3));
      }
      assertThat(records(bus)).extracting(r -> r.get("eventName").asText() + " " + r.at("/s3/object/key").asText())
          .containsExactly("s3:ObjectCreated:Put a", "s3:ObjectCreated:Put b", "s3:ObjectRemoved:Delete a");
      synchronized (seen) {
        assertThat(seen).hasSize(2); // not "created a" again
      }
    }
  }

  @Test
  void everyChangeReachesTheBusOnceAcrossABusOutage(@NatsServerExtension.Dedicated NatsTestServer nats)
      throws Exception {
    try (BusFixture bus = BusFixture.connect(nats); MinioAdapter adapter = adapter(bus, ALL, null)) {
      adapter.start(bus.sink("team", eventSource, Map.of()));
      putNumbers(0, 5);
      await().untilAsserted(() -> assertThat(keys(bus)).hasSize(5));

      nats.stop();
      putNumbers(5, 10);
      nats.start();
      putNumbers(10, 15);

      await().atMost(Duration.ofSeconds(90)).untilAsserted(() -> assertThat(keys(bus)).hasSize(15));
      assertThat(keys(bus)).containsExactlyInAnyOrderElementsOf(IntStream.range(0, 15).mapToObj(n -> "n-" + n).toList());
    }
  }

  private MinioAdapter adapter(BusFixture bus, String events, String filter) {
    String spec = "{\"example\": {\"endpoint\": \"" + s3.getUri().getHost() + ":" + s3.getUri().getPort()
        + "\", \"insecure\": true, \"bucket\": {\"name\": \"" + bucket + "\"}, \"events\": " + events
        + (filter == null ? "" : ", \"filter\": " + filter) + ", \"metadata\": {\"team\": \"a\"},"
        + " \"accessKey\": {\"name\": \"s3\", \"key\": \"a\"}, \"secretKey\": {\"name\": \"s3\", \"key\": \"s\"}}}";
    MinioSource source = new MinioSpecParser((ns, name, key) -> key.equals("a") ? s3.getAccessKey() : s3.getSecretKey())
        .parse(Specs.eventSource("team", eventSource, "minio", spec)).get(0);
    return new MinioAdapter(source, KvSnapshotStore.ensure(bus.bus()), POLL);
  }

  private void put(String key, String content) throws Exception {
    byte[] bytes = content.getBytes(StandardCharsets.UTF_8);
    client.putObject(PutObjectArgs.builder().bucket(bucket).object(key)
        .stream(new ByteArrayInputStream(bytes), bytes.length, -1).build());
  }

  private void putNumbers(int from, int to) throws Exception {
    for (int n = from; n < to; n++) {
      put("n-" + n, Integer.toString(n));
    }
  }

  private void remove(String key) throws Exception {
    client.removeObject(RemoveObjectArgs.builder().bucket(bucket).object(key).build());
  }

  private List<JsonNode> records(BusFixture bus) throws Exception {
    return bus.storedData("team", eventSource, "example").stream().map(d -> d.at("/notification/0")).toList();
  }

  private List<String> keys(BusFixture bus) throws Exception {
    return records(bus).stream().map(r -> r.at("/s3/object/key").asText()).toList();
  }

  private static EventSink recording(EventSink sink, List<SourceEvent> seen) {
    return event -> {
      synchronized (seen) {
        seen.add(event);
      }
      return sink.publish(event);
    };
  }
}
