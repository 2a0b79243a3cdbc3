package io.quargo.eventsource.redis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.quargo.core.event.CloudEvent;
import io.quargo.eventbus.testkit.NatsServerExtension;
import io.quargo.eventbus.testkit.NatsTestServer;
import io.quargo.eventsource.amqp.BusFixture;
import io.quargo.eventsource.amqp.Specs;
import io.quargo.eventsource.spi.SourceEvent;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** The redisStream source against a real redis-server and our bus. */
@ExtendWith(NatsServerExtension.class)
class RedisStreamAdapterIT {
  private final String suffix = UUID.randomUUID().toString().substring(0, 8);
  private final String eventSource = "streams-" + suffix;
  private final String stream = "quargo-it-" + suffix;
  private RedisServerProcess redis;
  private RespConnection commands;

  @BeforeEach
  void startRedis() throws Exception {
    redis = RedisServerProcess.start();
    commands = redis.connect();
  }

  @AfterEach
  void stopRedis() throws Exception {
    commands.command("DEL", stream);
    commands.close();
    redis.close();
  }

  @Test
  void publishesArgosPayloadAndAcksAfterTheBusStoredIt(NatsTestServer nats) throws Exception {
    try (BusFixture bus = BusFixture.connect(nats); RedisStreamAdapter adapter = adapter()) {
      adapter.start(bus.sink("team", eventSource, Map.of()));
      String id = xadd("order", "42");

      await().untilAsserted(() -> assertThat(bus.stored("team", eventSource, "example")).hasSize(1));
      CloudEvent event = bus.stored("team", eventSource, "example").get(0);
      assertThat(event.type()).isEqualTo("redisStream");
      assertThat(event.data().toString()).isEqualTo("{\"stream\":\"" + stream + "\",\"message_id\":\"" + id
          + "\",\"values\":{\"order\":\"42\"},\"metadata\":{\"team\":\"a\"}}");
      await().untilAsserted(() -> assertThat(pending()).isZero());
    }
  }

  @Test
  void anEntryWhosePublishNeverCompletedStaysPending() throws Exception {
    List<SourceEvent> seen = new ArrayList<>();
    try (RedisStreamAdapter adapter = adapter()) {
      adapter.start(event -> {
        synchronized (seen) {
          seen.add(event);
        }
        return new CompletableFuture<Void>().orTimeout(1, java.util.concurrent.TimeUnit.SECONDS);
      });
      xadd("n", "0");
      await().until(() -> count(seen) >= 1);
    }
    assertThat(pending()).isEqualTo(1);
  }

  @Test
  void pendingEntriesComeFirstThenNewOnes(NatsTestServer nats) throws Exception {
    commands.command("XGROUP", "CREATE", stream, "argo-events-cg", "$", "MKSTREAM");
    xadd("n", "0");
    xadd("n", "1");
    // a previous run read these and crashed before publishing them
    commands.command("XREADGROUP", "GROUP", "argo-events-cg", "argo-events-worker", "COUNT", "10", "STREAMS", stream, ">");
    xadd("n", "2");
    assertThat(pending()).isEqualTo(2);

    try (BusFixture bus = BusFixture.connect(nats); RedisStreamAdapter adapter = adapter()) {
      adapter.start(bus.sink("team", eventSource, Map.of()));
      await().untilAsserted(() -> assertThat(numbers(bus)).containsExactly(0, 1, 2));
      await().untilAsserted(() -> assertThat(pending()).isZero());
    }
  }

  @Test
  void anEntryReadAgainAfterItWasStoredIsNotDuplicated(NatsTestServer nats) throws Exception {
    List<SourceEvent> seen = new ArrayList<>();
    try (BusFixture bus = BusFixture.connect(nats); RedisStreamAdapter adapter = adapter()) {
      // the first 3 publishes are stored but reported failed, as when we crash before XACK
      adapter.start(BusFixture.failingAfterPublish(bus.sink("team", eventSource, Map.of()), 3, seen));
      for (int n = 0; n < 3; n++) {
        xadd("n", Integer.toString(n));
      }
      await().atMost(Duration.ofSeconds(30)).until(() -> count(seen) == 6);
      await().untilAsserted(() -> assertThat(pending()).isZero());
      assertThat(numbers(bus)).containsExactly(0, 1, 2);
    }
  }

  @Test
  void everyEntryReachesTheBusOnceAcrossABusOutage(@NatsServerExtension.Dedicated NatsTestServer nats)
      throws Exception {
    try (BusFixture bus = BusFixture.connect(nats); RedisStreamAdapter adapter = adapter()) {
      adapter.start(bus.sink("team", eventSource, Map.of()));
      addNumbers(0, 10);
      await().untilAsserted(() -> assertThat(numbers(bus)).hasSize(10));

      nats.stop();
      addNumbers(10, 20);
      nats.start();
      addNumbers(20, 30);

      await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> assertThat(numbers(bus)).hasSize(30));
      assertThat(numbers(bus)).containsExactlyInAnyOrderElementsOf(IntStream.range(0, 30).boxed().toList());
      await().untilAsserted(() -> assertThat(pending()).isZero());
    }
  }

  @Test
  void readsOnAfterItsConnectionIsKilled(NatsTestServer nats) throws Exception {
    try (BusFixture bus = BusFixture.connect(nats); RedisStreamAdapter adapter = adapter()) {
      adapter.start(bus.sink("team", eventSource, Map.of()));
      addNumbers(0, 3);
      await().untilAsserted(() -> assertThat(numbers(bus)).hasSize(3));

      commands.command("CLIENT", "KILL", "TYPE", "normal", "SKIPME", "yes");
      addNumbers(3, 6);

      await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(numbers(bus)).containsExactly(0, 1, 2, 3, 4, 5));
      await().untilAsserted(() -> assertThat(pending()).isZero());
    }
  }

  private RedisStreamAdapter adapter() {
    String spec = "{\"example\": {\"hostAddress\": \"" + redis.hostAddress() + "\", \"streams\": [\"" + stream
        + "\"], \"maxMsgCountPerRead\": 4, \"metadata\": {\"team\": \"a\"}}}";
    return new RedisStreamAdapter(new RedisSpecParser((ns, name, key) -> null)
        .parseStreams(Specs.eventSource("team", eventSource, "redisStream", spec)).get(0));
  }

  private long pending() throws Exception {
    return (Long) ((List<?>) commands.command("XPENDING", stream, "argo-events-cg")).get(0);
  }

  private String xadd(String field, String value) throws Exception {
    return (String) commands.command("XADD", stream, "*", field, value);
  }

  private void addNumbers(int from, int to) throws Exception {
    for (int n = from; n < to; n++) {
      xadd("n", Integer.toString(n));
    }
  }

  private List<Integer> numbers(BusFixture bus) throws Exception {
    return bus.storedData("team", eventSource, "example").stream().map(d -> d.at("/values/n").asInt()).toList();
  }

  private static int count(List<SourceEvent> seen) {
    synchronized (seen) {
      return seen.size();
    }
  }
}
