package io.quargo.eventbus;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import io.quargo.eventbus.testkit.NatsServerExtension;
import io.quargo.eventbus.testkit.NatsTestServer;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(NatsServerExtension.class)
class BusConnectionIT {

  @Test
  void connectsAndReportsHealthy(NatsTestServer nats) {
    try (BusConnection bus = BusConnection.connect(BusConfig.of(nats.url()))) {
      BusConnection.Health health = bus.health();
      assertThat(health.up()).isTrue();
      assertThat(health.serverVersion()).isEqualTo(bus.serverVersion()).isNotBlank();
    }
  }

  @Test
  void unreachableServerIsAClearError() {
    BusConfig config = BusConfig.from(Map.of("quargo.bus.url", "nats://127.0.0.1:1", "quargo.bus.connect-timeout", "500ms"));
    assertThatThrownBy(() -> BusConnection.connect(config))
        .isInstanceOf(BusException.class)
        .hasMessageContaining("nats://127.0.0.1:1")
        .hasMessageContaining("quargo.bus.url");
  }

  @Test
  void reconnectsAfterServerRestartAndReportsDownMeanwhile(@NatsServerExtension.Dedicated NatsTestServer nats) {
    try (BusConnection bus = BusConnection.connect(BusConfig.of(nats.url()))) {
      nats.stop();
      await().atMost(Duration.ofSeconds(10)).until(() -> !bus.health().up());
      nats.start();
      await().atMost(Duration.ofSeconds(20)).until(() -> bus.health().up());
    }
  }

  @Test
  void backoffDoublesUpToTheCap() {
    BusConfig config = BusConfig.of("nats://x:4222");
    assertThat(List.of(1L, 2L, 3L, 10L).stream().map(a -> BusConnection.backoff(config, a).toMillis()))
        .containsExactly(250L, 500L, 1000L, 5000L);
  }
}
