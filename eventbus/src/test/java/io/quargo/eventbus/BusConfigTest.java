package io.quargo.eventbus;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class BusConfigTest {

  @Test
  void readsFlatProperties() {
    BusConfig config = BusConfig.from(Map.of(
        "quargo.bus.url", "nats://a:4222, nats://b:4222",
        "quargo.bus.user", "argo", "quargo.bus.password", "secret",
        "quargo.bus.reconnect-wait", "1s", "quargo.bus.reconnect-wait-max", "1m30s",
        "quargo.bus.max-reconnects", "7"));
    assertThat(config.urls()).containsExactly("nats://a:4222", "nats://b:4222");
    assertThat(config.reconnectWaitMax()).isEqualTo(Duration.ofSeconds(90));
    assertThat(config.maxReconnects()).isEqualTo(7);
    assertThat(config.toString()).contains("user argo").doesNotContain("secret");
  }

  @Test
  void defaultsToLocalServer() {
    assertThat(BusConfig.from(Map.of()).urls()).isEqualTo(List.of(BusConfig.DEFAULT_URL));
  }

  @Test
  void badValuesNameTheKey() {
    assertThatThrownBy(() -> BusConfig.from(Map.of("quargo.bus.connect-timeout", "5 seconds")))
        .hasMessageContaining("quargo.bus.connect-timeout='5 seconds'");
    assertThatThrownBy(() -> BusConfig.from(Map.of("quargo.bus.user", "argo")))
        .hasMessageContaining("quargo.bus.password");
    assertThatThrownBy(() -> BusConfig.from(Map.of("quargo.bus.tls.cert-file", "/c.pem")))
        .hasMessageContaining("quargo.bus.tls.key-file");
    assertThatThrownBy(() -> BusConfig.from(Map.of("quargo.bus.max-reconnects", "many")))
        .hasMessageContaining("quargo.bus.max-reconnects");
  }

  @Test
  void durationsInGoAndIsoForms() {
    assertThat(Durations.parse("k", "168h")).isEqualTo(Duration.ofDays(7));
    assertThat(Durations.parse("k", "250ms")).isEqualTo(Duration.ofMillis(250));
    assertThat(Durations.parse("k", "PT5M")).isEqualTo(Duration.ofMinutes(5));
    assertThatThrownBy(() -> Durations.parse("k", "5x")).isInstanceOf(BusException.class);
    assertThatThrownBy(() -> Durations.parse("k", "s5")).isInstanceOf(BusException.class);
  }
}
