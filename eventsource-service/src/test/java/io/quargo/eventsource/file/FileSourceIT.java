package io.quargo.eventsource.file;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import io.nats.client.Connection;
import io.quargo.core.event.CloudEvent;
import io.quargo.eventbus.testkit.NatsServerExtension;
import io.quargo.eventbus.testkit.NatsTestServer;
import io.quargo.eventsource.calendar.BusFixture;
import io.quargo.eventsource.spi.EventSink;
import io.quargo.eventsource.spi.SourceEvent;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/** The file source on a real directory and the real bus. */
@ExtendWith(NatsServerExtension.class)
class FileSourceIT {
  static final FileTiming FAST =
      new FileTiming(Duration.ofMillis(200), Duration.ofMillis(100), Duration.ofSeconds(1), Duration.ofSeconds(5));

  @TempDir
  Path dir;

  FileSpec spec(String namespace, String entryJson) throws Exception {
    return new FileSpecParser().parse(FileSpecParserTest.eventSource("{\"e\": " + entryJson + "}")).get(0)
        .withNamespace(namespace).withDirectory(dir);
  }

  @Test
  void createsOfWatchedNamesArriveShapedAsArgo(NatsTestServer nats) throws Exception {
    FileSpec spec = spec("create", "{\"eventType\": \"CREATE\", \"metadata\": {\"k\": \"v\"},"
        + " \"watchPathConfig\": {\"directory\": \"/ignored\", \"pathRegexp\": \"^[a-z]+\\\\.txt$\"}}");
    try (BusFixture bus = new BusFixture(nats); FileAdapter adapter = new FileAdapter(spec, FAST)) {
      adapter.start(bus.sink("create", "files"));
      Files.writeString(dir.resolve("abc.txt"), "x");
      Files.writeString(dir.resolve("ABC.txt"), "x"); // not matched
      Files.writeString(dir.resolve("abc.txt"), "xy"); // a WRITE, not watched
      Files.writeString(dir.resolve("zz.txt"), "x");
      await().until(() -> bus.stored("create", "files", "e").size() >= 2);
      List<CloudEvent> events = bus.stored("create", "files", "e");
      assertThat(events).extracting(e -> e.data().toString()).containsExactly(
          "{\"name\":\"" + dir.resolve("abc.txt") + "\",\"op\":1,\"metadata\":{\"k\":\"v\"}}",
          "{\"name\":\"" + dir.resolve("zz.txt") + "\",\"op\":1,\"metadata\":{\"k\":\"v\"}}");
      assertThat(events.get(0).type()).isEqualTo("file");
      assertThat(events.get(0).subject()).isEqualTo("e");
    }
  }

  @Test
  void removeAndRenameOfTheWatchedPathWithPolling(NatsTestServer nats) throws Exception {
    Files.writeString(dir.resolve("x.txt"), "1");
    Files.writeString(dir.resolve("y.txt"), "1");
    FileSpec removes = spec("poll", "{\"eventType\": \"REMOVE\", \"polling\": true,"
        + " \"watchPathConfig\": {\"directory\": \"/d\", \"path\": \"x.txt\"}}");
    FileSpec renames = new FileSpecParser().parse(FileSpecParserTest.eventSource("{\"r\": {\"eventType\": \"RENAME\","
        + " \"watchPathConfig\": {\"directory\": \"/d\", \"path\": \"y.txt\"}}}")).get(0).withNamespace("poll")
        .withDirectory(dir);
    try (BusFixture bus = new BusFixture(nats); FileAdapter r = new FileAdapter(removes, FAST);
        FileAdapter m = new FileAdapter(renames, FAST)) {
      r.start(bus.sink("poll", "files"));
      m.start(bus.sink("poll", "files"));
      Files.delete(dir.resolve("x.txt"));
      Files.move(dir.resolve("y.txt"), dir.resolve("z.txt"));
      // generous: two watcher threads and the bus on a busy 2-core CI machine
      await().atMost(java.time.Duration.ofSeconds(30)).untilAsserted(() -> {
        assertThat(bus.stored("poll", "files", "e")).as("REMOVE events").hasSize(1);
        assertThat(bus.stored("poll", "files", "r")).as("RENAME events").hasSize(1);
      });
      assertThat(bus.stored("poll", "files", "e").get(0).data().get("op").asInt()).isEqualTo(4);
      assertThat(bus.stored("poll", "files", "r").get(0).data().get("name").asText())
          .isEqualTo(dir.resolve("y.txt").toString());
      assertThat(bus.stored("poll", "files", "r").get(0).data().get("op").asInt()).isEqualTo(8);
    }
  }

  @Test
  void changesWhileTheBusIsDownArePublishedAfterItReturns(@NatsServerExtension.Dedicated NatsTestServer nats)
      throws Exception {
    FileSpec spec = spec("outage", "{\"eventType\": \"CREATE\","
        + " \"watchPathConfig\": {\"directory\": \"/d\", \"pathRegexp\": \"\\\\.txt$\"}}");
    try (BusFixture bus = new BusFixture(nats); FileAdapter adapter = new FileAdapter(spec, FAST)) {
      adapter.start(bus.sink("outage", "files"));
      create(0, 3);
      await().until(() -> bus.stored("outage", "files", "e").size() == 3);
      nats.stop();
      await().until(() -> bus.bus.nats().getStatus() != Connection.Status.CONNECTED);
      create(3, 8);
      nats.start();
      await().atMost(Duration.ofSeconds(60)).until(() -> bus.stored("outage", "files", "e").size() >= 8);
      assertThat(bus.stored("outage", "files", "e")).extracting(e -> Path.of(e.data().get("name").asText())
          .getFileName().toString()).containsExactlyInAnyOrderElementsOf(
              IntStream.range(0, 8).mapToObj(i -> "f" + i + ".txt").toList());
    }
  }

  @Test
  void aChangeStoredButNotAcknowledgedIsRetriedUnderItsIdAndStoredOnce(NatsTestServer nats) throws Exception {
    FileSpec spec = spec("lost-ack", "{\"eventType\": \"CREATE\","
        + " \"watchPathConfig\": {\"directory\": \"/d\", \"pathRegexp\": \"\\\\.txt$\"}}");
    List<SourceEvent> seen = new ArrayList<>();
    AtomicInteger settled = new AtomicInteger();
    try (BusFixture bus = new BusFixture(nats); FileAdapter adapter = new FileAdapter(spec, FAST)) {
      // each of the first 3 publishes is stored and then reported failed, as when the bus's ack is lost
      EventSink lossyAck = io.quargo.eventsource.amqp.BusFixture.failingAfterPublish(bus.sink("lost-ack", "files"), 3, seen);
      adapter.start(event -> lossyAck.publish(event).whenComplete((ok, error) -> settled.incrementAndGet()));
      create(0, 2);
      await().atMost(Duration.ofSeconds(30)).until(() -> settled.get() == 5); // 2 files, 3 retries
      assertThat(bus.stored("lost-ack", "files", "e")).extracting(e -> Path.of(e.data().get("name").asText())
          .getFileName().toString()).containsExactlyInAnyOrder("f0.txt", "f1.txt");
    }
  }

  @Test
  void aMissingDirectoryIsReportedAtStart(NatsTestServer nats) throws Exception {
    FileSpec spec = spec("missing", "{\"eventType\": \"CREATE\", \"watchPathConfig\": {\"directory\": \"/d\", \"path\": \"x\"}}")
        .withDirectory(dir.resolve("nope"));
    try (BusFixture bus = new BusFixture(nats); FileAdapter adapter = new FileAdapter(spec, FAST)) {
      assertThatThrownBy(() -> adapter.start(bus.sink("missing", "files")))
          .hasMessage("spec.file.e.watchPathConfig.directory: " + dir.resolve("nope")
              + " does not exist or is not a directory; create it or fix the path");
    }
  }

  private void create(int from, int to) throws Exception {
    for (int i = from; i < to; i++) {
      Files.writeString(dir.resolve("f" + i + ".txt"), "n");
    }
  }
}
