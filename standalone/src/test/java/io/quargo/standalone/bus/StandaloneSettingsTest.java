package io.quargo.standalone.bus;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class StandaloneSettingsTest {

  @Test
  void busUrlWinsOverNatsUrl() {
    StandaloneSettings settings = settings(Map.of("quargo.bus.url", "nats://a:4222"), Optional.of("nats://b:4222"));
    assertThat(settings.givenUrl()).contains(new StandaloneSettings.Given("nats://a:4222", "quargo.bus.url"));
  }

  @Test
  void natsUrlIsUsedWhenBusUrlIsUnset() {
    StandaloneSettings settings = settings(Map.of("quargo.bus.token", "t"), Optional.of("nats://b:4222"));
    assertThat(settings.givenUrl()).contains(new StandaloneSettings.Given("nats://b:4222", "NATS_URL"));
  }

  @Test
  void blankValuesMeanNoUrlSoAChildServerIsStarted() {
    StandaloneSettings settings = settings(Map.of("quargo.bus.url", " "), Optional.of(""));
    assertThat(settings.givenUrl()).isEmpty();
    assertThat(settings.natsStoreDir()).isEqualTo(Path.of("/data/nats"));
  }

  private static StandaloneSettings settings(Map<String, String> bus, Optional<String> natsUrl) {
    return new StandaloneSettings(bus, natsUrl, Path.of("/data"), 0, Duration.ofSeconds(30));
  }
}
