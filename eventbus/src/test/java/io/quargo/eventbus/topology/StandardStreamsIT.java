package io.quargo.eventbus.topology;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.nats.client.api.StorageType;
import io.nats.client.api.StreamConfiguration;
import io.quargo.eventbus.BusConfig;
import io.quargo.eventbus.BusConnection;
import io.quargo.eventbus.testkit.NatsServerExtension;
import io.quargo.eventbus.testkit.NatsTestServer;
import io.quargo.eventbus.topology.Ensured.Change;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** The standard stream names are global, so these run on a server of their own. */
@ExtendWith(NatsServerExtension.class)
class StandardStreamsIT {

  @Test
  void ensureStandardCreatesTheThreeStreamsOnceWithConfiguredLimits(@NatsServerExtension.Dedicated NatsTestServer nats)
      throws Exception {
    BusTopologyConfig config = BusTopologyConfig.from(Map.of(
        "quargo.bus.streams.events.max-age", "72h",
        "quargo.bus.streams.events.max-bytes", "1G",
        "quargo.bus.streams.commands.duplicate-window", "10m"));
    try (BusConnection bus = BusConnection.connect(BusConfig.of(nats.url()))) {
      Topology topology = new Topology(bus);

      assertThat(topology.ensureStandard(config)).extracting(Ensured::change).containsOnly(Change.CREATED);
      assertThat(topology.ensureStandard(config)).extracting(Ensured::change).containsOnly(Change.UNCHANGED);

      StreamConfiguration events = bus.management().getStreamInfo(StandardStreams.EVENTS).getConfiguration();
      assertThat(events.getSubjects()).containsExactly("events.>");
      assertThat(events.getMaxAge()).isEqualTo(Duration.ofHours(72));
      assertThat(events.getMaxBytes()).isEqualTo(1L << 30);
      assertThat(events.getStorageType()).isEqualTo(StorageType.File);
      StreamConfiguration commands = bus.management().getStreamInfo(StandardStreams.COMMANDS).getConfiguration();
      assertThat(commands.getSubjects()).containsExactly("commands.>");
      assertThat(commands.getDuplicateWindow()).isEqualTo(Duration.ofMinutes(10));
      assertThat(bus.management().getStreamInfo(StandardStreams.LIFECYCLE).getConfiguration().getSubjects())
          .containsExactly("lifecycle.>");
    }
  }

  @Test
  void oneRefusedStreamLeavesAllThreeUntouched(@NatsServerExtension.Dedicated NatsTestServer nats) throws Exception {
    BusTopologyConfig config = BusTopologyConfig.from(Map.of("quargo.bus.streams.commands.replicas", "3"));
    try (BusConnection bus = BusConnection.connect(BusConfig.of(nats.url()))) {
      Topology topology = new Topology(bus);

      assertThatThrownBy(() -> topology.ensureStandard(config))
          .hasMessageContaining("stream COMMANDS asks for 3 replicas")
          .hasMessageContaining("quargo.bus.streams.commands.replicas=1");
      assertThat(bus.management().getStreamNames()).isEmpty();
    }
  }
}
