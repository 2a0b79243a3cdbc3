package io.quargo.eventsource.minio;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import io.minio.MakeBucketArgs;
import io.minio.MinioClient;
import io.minio.PutObjectArgs;
import io.minio.RemoveObjectArgs;
import io.quargo.core.event.CloudEvent;
import io.quargo.eventbus.kv.KvBucket;
import io.quargo.eventbus.kv.KvChange;
import io.quargo.eventbus.kv.KvWatch;
import io.quargo.eventbus.kv.KvWatchListener;
import io.quargo.eventbus.kv.KvWatchStart;
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
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;
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
  private static final Pattern S3PROXY_TEMPORARY =
      Pattern.compile(".*-[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}");
  private static final Duration SLOW_LISTING = Duration.ofMinutes(3);
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
      assertThat(real(seen)).isEqualTo(2); // not "created a" again
    }
  }

  @Test
  void aChangeStoredButNotAcknowledgedIsNotRememberedSoItIsReportedAgainAndStoredOnce(NatsTestServer nats)
      throws Exception {
    try (BusFixture bus = BusFixture.connect(nats)) {
      EventSink real = bus.sink("team", eventSource, Map.of());
      try (MinioAdapter crashing = adapter(bus, ALL, null)) {
        // the bus stores the event of "a", then the process "dies" before its ack arrives; s3proxy's temporary
        // file of the PUT, when a listing sees it first, is acked as usual so the poller gets to "a"
        crashing.start(event -> notS3ProxyTemporary(event.data())
            ? real.publish(event).thenCompose(ok -> new java.util.concurrent.CompletableFuture<>())
            : real.publish(event));
        put("a", "1");
        await().untilAsserted(() -> assertThat(keys(bus)).containsExactly("a"));
      }

      List<SourceEvent> seen = new ArrayList<>();
      try (MinioAdapter restarted = adapter(bus, ALL, null)) {
        restarted.start(recording(real, seen));
        put("b", "2"); // reported after "a" in listing order: once b is on the bus, a was published again
        await().untilAsserted(() -> assertThat(keys(bus)).contains("b"));
      }
      synchronized (seen) {
        assertThat(seen).extracting(e -> e.data().at("/notification/0/s3/object/key").asText())
            .containsExactly("a", "b"); // not remembered: the objects seen are saved only after the bus's ack
      }
      assertThat(keys(bus)).containsExactly("a", "b"); // the same id: the bus dropped the second "a"
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

  /**
   * 10,000 objects: as one KV value they would be over NATS's 1 MB payload limit. Not more: s3proxy's in-memory
   * store reads every object for each page of a listing, so one listing of 10,000 takes ~10 s on a busy machine.
   */
  @Test
  void aBucketOfTenThousandObjectsIsWatchedAndResumedWithSmallEntries(NatsTestServer nats) throws Exception {
    int count = 10_000;
    putParallel(IntStream.range(0, count).mapToObj(n -> String.format("big/2024/11/21/object-%05d.json", n)).toList());
    try (BusFixture bus = BusFixture.connect(nats)) {
      String source;
      try (MinioAdapter first = adapter(bus, ALL, null)) {
        source = MinioAdapter.storeKey(first.source());
        first.start(bus.sink("team", eventSource, Map.of()));
        Map<String, Integer> entries = entrySizes(bus, source);
        assertThat(entries).hasSize(count + 1); // one per object, and the baseline mark
        assertThat(entries.values().stream().mapToInt(Integer::intValue).sum()).isGreaterThan(1_048_576);
        assertThat(entries.values().stream().mapToInt(Integer::intValue).max().orElseThrow()).isLessThan(1024);

        put("big/new-1", "1");
        remove("big/2024/11/21/object-00007.json");
        await().atMost(SLOW_LISTING).untilAsserted(() -> assertThat(records(bus)).hasSize(2));
      }
      put("big/new-2", "2");
      remove("big/2024/11/21/object-00008.json");

      List<SourceEvent> seen = new ArrayList<>();
      try (MinioAdapter second = adapter(bus, ALL, null)) {
        second.start(recording(bus.sink("team", eventSource, Map.of()), seen));
        await().atMost(SLOW_LISTING).untilAsserted(() -> assertThat(records(bus)).hasSize(4));
        put("big/new-3", "3");
        await().atMost(SLOW_LISTING).untilAsserted(() -> assertThat(records(bus)).hasSize(5));
      }
      assertThat(records(bus)).extracting(r -> r.get("eventName").asText() + " " + r.at("/s3/object/key").asText())
          .containsExactly("s3:ObjectCreated:Put big%2Fnew-1",
              "s3:ObjectRemoved:Delete big%2F2024%2F11%2F21%2Fobject-00007.json", "s3:ObjectCreated:Put big%2Fnew-2",
              "s3:ObjectRemoved:Delete big%2F2024%2F11%2F21%2Fobject-00008.json", "s3:ObjectCreated:Put big%2Fnew-3");
      assertThat(real(seen)).isEqualTo(3); // nothing of the first run again
      assertThat(entrySizes(bus, source)).hasSize(count + 1 + 3 - 2);
    }
  }

  @Test
  void aMultipartUploadIsReportedAsCompleteMultipartUpload(NatsTestServer nats) throws Exception {
    try (BusFixture bus = BusFixture.connect(nats); MinioAdapter adapter = adapter(bus, ALL, null)) {
      adapter.start(bus.sink("team", eventSource, Map.of()));
      int partSize = 5 * 1024 * 1024;
      byte[] bytes = new byte[partSize + 1024];
      client.putObject(PutObjectArgs.builder().bucket(bucket).object("large.bin")
          .stream(new ByteArrayInputStream(bytes), bytes.length, partSize).build());
      await().untilAsserted(() -> assertThat(records(bus)).hasSize(1));
      JsonNode record = records(bus).get(0);
      assertThat(record.get("eventName").asText()).isEqualTo("s3:ObjectCreated:CompleteMultipartUpload");
      assertThat(record.at("/s3/object/eTag").asText()).endsWith("-2");
    }
  }

  /** Every value the source keeps in the KV bucket, by key, with its size in bytes. */
  private static Map<String, Integer> entrySizes(BusFixture bus, String source) throws Exception {
    Map<String, Integer> sizes = new ConcurrentHashMap<>();
    CountDownLatch done = new CountDownLatch(1);
    KvBucket kv = KvBucket.open(bus.bus(), KvSnapshotStore.BUCKET);
    try (KvWatch watch = kv.watch(source + ".>", KvWatchStart.currentValues(), new KvWatchListener() {
      @Override
      public void onChange(KvChange change) {
        sizes.put(change.key(), change.value().length);
      }

      @Override
      public void onInitialValuesDone() {
        done.countDown();
      }
    })) {
      assertThat(done.await(60, TimeUnit.SECONDS)).isTrue();
    }
    return sizes;
  }

  private void putParallel(List<String> keys) throws Exception {
    ExecutorService pool = Executors.newFixedThreadPool(4);
    try {
      List<Future<?>> done = new ArrayList<>();
      for (String key : keys) {
        done.add(pool.submit(() -> {
          put(key, key);
          return null;
        }));
      }
      for (Future<?> f : done) {
        f.get();
      }
    } finally {
      pool.shutdownNow();
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

  /**
   * The records of the events stored, less those of s3proxy's temporary files: its nio2 store writes an object to
   * {@code <key>-<uuid>} and then moves it, and a listing in between sees (and we report) that file.
   */
  private List<JsonNode> records(BusFixture bus) throws Exception {
    return bus.storedData("team", eventSource, "example").stream().filter(MinioAdapterIT::notS3ProxyTemporary)
        .map(d -> d.at("/notification/0")).toList();
  }

  private static boolean notS3ProxyTemporary(JsonNode data) {
    return !S3PROXY_TEMPORARY.matcher(data.at("/notification/0/s3/object/key").asText()).matches();
  }

  private static long real(List<SourceEvent> seen) {
    synchronized (seen) {
      return seen.stream().filter(e -> notS3ProxyTemporary(e.data())).count();
    }
  }

  private List<String> keys(BusFixture bus) throws Exception {
    return records(bus).stream().map(r -> r.at("/s3/object/key").asText()).toList();
  }

  /** Records what the source publishes, less s3proxy's temporary files (a listing may or may not see them). */
  private static EventSink recording(EventSink sink, List<SourceEvent> seen) {
    return event -> {
      synchronized (seen) {
        if (notS3ProxyTemporary(event.data())) {
          seen.add(event);
        }
      }
      return sink.publish(event);
    };
  }
}
