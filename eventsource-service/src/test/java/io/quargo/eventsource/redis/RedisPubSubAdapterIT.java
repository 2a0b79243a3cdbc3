package io.quargo.eventsource.redis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
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

/** The redis (pub/sub) source against a real redis-server and our bus. */
@ExtendWith(NatsServerExtension.class)
class RedisPubSubAdapterIT {
  private final String suffix = UUID.randomUUID().toString().substring(0, 8);
  private final String eventSource = "channels-" + suffix;
  private final String channel = "quargo-it-" + suffix;
  private RedisServerProcess redis;
  private RespConnection commands;

  @BeforeEach
  void startRedis() throws Exception {
    redis = RedisServerProcess.start();
    commands = redis.connect();
  }

  @AfterEach
  void stopRedis() throws Exception {
    commands.close();
    redis.close();
  }

  @Test
  void publishesArgosPayloadForEveryChannel(NatsTestServer nats) throws Exception {
    try (BusFixture bus = BusFixture.connect(nats); RedisPubSubAdapter adapter = adapter(false)) {
      adapter.start(bus.sink("team", eventSource, Map.of()));
      commands.command("PUBLISH", channel, "hello");
      commands.command("PUBLISH", channel + "-b", "world");

      await().untilAsserted(() -> assertThat(bus.stored("team", eventSource, "example")).hasSize(2));
      List<CloudEvent> events = bus.stored("team", eventSource, "example");
      assertThat(events).allSatisfy(e -> assertThat(e.type()).isEqualTo("redis"));
      assertThat(events).extracting(e -> e.data().toString()).containsExactlyInAnyOrder(
          "{\"channel\":\"" + channel + "\",\"pattern\":\"\",\"body\":\"hello\",\"metadata\":{\"team\":\"a\"}}",
          "{\"channel\":\"" + channel + "-b\",\"pattern\":\"\",\"body\":\"world\",\"metadata\":{\"team\":\"a\"}}");
    }
  }

  @Test
  void everyMessageReceivedReachesTheBusAcrossABusOutage(@NatsServerExtension.Dedicated NatsTestServer nats)
      throws Exception {
    try (BusFixture bus = BusFixture.connect(nats); RedisPubSubAdapter adapter = adapter(true)) {
      adapter.start(bus.sink("team", eventSource, Map.of()));
      publishNumbers(0, 10);
      await().untilAsserted(() -> assertThat(numbers(bus)).hasSize(10));

      nats.stop();
      publishNumbers(10, 20);
      await().until(() -> adapter.retryWaiting() == 10); // held in memory: Redis will not send them again
      nats.start();
      publishNumbers(20, 30);

      await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> assertThat(numbers(bus)).hasSize(30));
      assertThat(numbers(bus)).containsExactlyInAnyOrderElementsOf(IntStream.range(0, 30).boxed().toList());
      assertThat(adapter.retryWaiting()).isZero();
    }
  }

  @Test
  void aMessageStoredButNotAcknowledgedIsRetriedUnderItsIdAndStoredOnce(NatsTestServer nats) throws Exception {
    List<SourceEvent> seen = new ArrayList<>();
    try (BusFixture bus = BusFixture.connect(nats); RedisPubSubAdapter adapter = adapter(true)) {
      // each of the first 3 publishes is stored and then reported failed, as when the bus's ack is lost
      adapter.start(BusFixture.failingAfterPublish(bus.sink("team", eventSource, Map.of()), 3, seen));
      publishNumbers(0, 3);
      await().atMost(Duration.ofSeconds(30)).until(() -> count(seen) == 6 && adapter.retryWaiting() == 0);
      assertThat(numbers(bus)).containsExactlyInAnyOrder(0, 1, 2);
    }
  }

  @Test
  void resubscribesAfterTheConnectionIsKilled(NatsTestServer nats) throws Exception {
    try (BusFixture bus = BusFixture.connect(nats); RedisPubSubAdapter adapter = adapter(true)) {
      adapter.start(bus.sink("team", eventSource, Map.of()));
      commands.command("CLIENT", "KILL", "TYPE", "pubsub");
      // what is published until we are subscribed again is lost (pub/sub semantics), so publish until one arrives
      await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(200)).until(() -> {
        commands.command("PUBLISH", channel, "{\"n\": 1}");
        return !numbers(bus).isEmpty();
      });
    }
  }

  @Test
  void anUnreachableServerFailsStartNamingTheAddress() {
    RedisSource source = new RedisSpecParser((ns, name, key) -> null).parsePubSub(Specs.eventSource("team", eventSource, "redis",
        "{\"example\": {\"hostAddress\": \"127.0.0.1:1\", \"channels\": [\"c\"]}}")).get(0);
    try (RedisPubSubAdapter adapter = new RedisPubSubAdapter(source)) {
      assertThatThrownBy(() -> adapter.start(event -> CompletableFuture.completedFuture(null)))
          .hasMessageStartingWith("team/" + eventSource + " redis.example: cannot subscribe at 127.0.0.1:1/0: ");
    }
  }

  private RedisPubSubAdapter adapter(boolean jsonBody) {
    String spec = "{\"example\": {\"hostAddress\": \"" + redis.hostAddress() + "\", \"channels\": [\"" + channel
        + "\", \"" + channel + "-b\"], \"jsonBody\": " + jsonBody + ", \"metadata\": {\"team\": \"a\"}}}";
    return new RedisPubSubAdapter(new RedisSpecParser((ns, name, key) -> null)
        .parsePubSub(Specs.eventSource("team", eventSource, "redis", spec)).get(0));
  }

  private static int count(List<SourceEvent> seen) {
    synchronized (seen) {
      return seen.size();
    }
  }

  private void publishNumbers(int from, int to) throws Exception {
    for (int n = from; n < to; n++) {
      commands.command("PUBLISH", channel, "{\"n\": " + n + "}");
    }
  }

  private List<Integer> numbers(BusFixture bus) throws Exception {
    return bus.storedData("team", eventSource, "example").stream().map(d -> d.at("/body/n").asInt()).toList();
  }
}
