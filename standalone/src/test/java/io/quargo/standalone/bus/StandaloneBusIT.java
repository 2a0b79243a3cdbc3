package io.quargo.standalone.bus;

import static org.assertj.core.api.Assertions.assertThat;

import io.quargo.eventbus.testkit.NatsServers;
import io.quargo.standalone.nats.ChildNatsServer;
import io.quargo.standalone.nats.NatsServerLocator;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class StandaloneBusIT {
  @TempDir
  Path dataDir;

  @Test
  void withoutAUrlItRunsAChildServerInTheDataDirAndStopsItOnClose() {
    StandaloneBus bus = StandaloneBus.open(settings(Map.of(), Optional.empty()), NatsServerLocator.fromEnvironment());
    ChildNatsServer child = bus.child().orElseThrow();
    try {
      assertThat(bus.connection().health().up()).isTrue();
      assertThat(child.storeDir()).isEqualTo(dataDir.resolve("nats").toAbsolutePath());
      assertThat(bus.describe()).contains(child.url()).contains("child nats-server pid " + child.pid());
    } finally {
      bus.close();
    }
    assertThat(child.isAlive()).isFalse();
  }

  @Test
  void withNatsUrlItConnectsThereAndStartsNothing() {
    String url = NatsServers.shared().url();
    try (StandaloneBus bus = StandaloneBus.open(settings(Map.of(), Optional.of(url)), NatsServerLocator.fromEnvironment())) {
      assertThat(bus.child()).isEmpty();
      assertThat(bus.connection().health().up()).isTrue();
      assertThat(bus.describe()).contains("(from NATS_URL)");
    }
  }

  @Test
  void busPropertiesReachTheConnection() {
    String url = NatsServers.shared().url();
    Map<String, String> props = Map.of("quargo.bus.url", url, "quargo.bus.connection-name", "standalone-it");
    try (StandaloneBus bus = StandaloneBus.open(settings(props, Optional.empty()), NatsServerLocator.fromEnvironment())) {
      assertThat(bus.connection().config().connectionName()).isEqualTo("standalone-it");
      assertThat(bus.describe()).contains("(from quargo.bus.url)");
    }
  }

  private StandaloneSettings settings(Map<String, String> bus, Optional<String> natsUrl) {
    return new StandaloneSettings(bus, natsUrl, dataDir, 0, Duration.ofSeconds(30));
  }
}
