package io.quargo.eventbus.topology;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.nats.client.api.StorageType;
import io.quargo.eventbus.BusException;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class StreamLimitsTest {

  @Test
  void readsEveryKeyOfOneStream() {
    StreamLimits limits = StreamLimits.from(Map.of(
        "quargo.bus.streams.events.max-age", "24h",
        "quargo.bus.streams.events.max-bytes", "10G",
        "quargo.bus.streams.events.max-msgs", "500000",
        "quargo.bus.streams.events.replicas", "3",
        "quargo.bus.streams.events.duplicate-window", "2m",
        "quargo.bus.streams.events.storage", "Memory",
        "quargo.bus.streams.lifecycle.max-age", "1h"), "events", StreamLimits.defaults());

    assertThat(limits.maxAge()).isEqualTo(Duration.ofHours(24));
    assertThat(limits.maxBytes()).isEqualTo(10L << 30);
    assertThat(limits.maxMsgs()).isEqualTo(500_000);
    assertThat(limits.replicas()).isEqualTo(3);
    assertThat(limits.duplicateWindow()).isEqualTo(Duration.ofMinutes(2));
    assertThat(limits.storage()).isEqualTo(StorageType.Memory);
    assertThat(limits.key("replicas")).isEqualTo("quargo.bus.streams.events.replicas");
  }

  @Test
  void unsetKeysTakeTheDefaults() {
    StreamLimits limits = StreamLimits.from(Map.of(), "commands", StreamLimits.defaults());

    assertThat(limits).isEqualTo(StreamLimits.defaults().withOrigin("quargo.bus.streams.commands"));
    assertThat(limits.maxAge()).isEqualTo(Duration.ofHours(168));
    assertThat(limits.maxBytes()).isEqualTo(-1);
    assertThat(limits.replicas()).isEqualTo(1);
    assertThat(limits.duplicateWindow()).isEqualTo(Duration.ofMinutes(5));
    assertThat(limits.storage()).isEqualTo(StorageType.File);
  }

  @Test
  void defaultDuplicateWindowShrinksToAShortMaxAgeButAnExplicitOneDoesNot() {
    assertThat(StreamLimits.from(Map.of("quargo.bus.streams.events.max-age", "90s"), "events",
        StreamLimits.defaults()).duplicateWindow()).isEqualTo(Duration.ofSeconds(90));
    assertThat(StreamLimits.from(Map.of("quargo.bus.streams.events.max-age", "90s",
        "quargo.bus.streams.events.duplicate-window", "10m"), "events", StreamLimits.defaults()).duplicateWindow())
        .isEqualTo(Duration.ofMinutes(10));
  }

  @ParameterizedTest
  @CsvSource({
      "max-age, soon, quargo.bus.streams.events.max-age='soon' is not a duration",
      "max-bytes, 10 parsecs, quargo.bus.streams.events.max-bytes='10 parsecs' is not a byte size",
      "max-bytes, 0, max-bytes and max-msgs must be positive or -1",
      "replicas, 7, quargo.bus.streams.events.replicas=7: replicas must be between 1 and 5",
      "replicas, three, quargo.bus.streams.events.replicas='three' is not a whole number",
      "storage, disk, quargo.bus.streams.events.storage='disk' is not a storage type"})
  void badValuesNameTheKey(String key, String value, String message) {
    Map<String, String> props = Map.of("quargo.bus.streams.events." + key, value);

    assertThatThrownBy(() -> StreamLimits.from(props, "events", StreamLimits.defaults()))
        .isInstanceOf(BusException.class).hasMessageContaining(message);
  }

  @Test
  void topologyConfigReadsTheThreeStandardStreams() {
    BusTopologyConfig config = BusTopologyConfig.from(Map.of(
        "quargo.bus.streams.events.max-age", "72h", "quargo.bus.streams.commands.max-bytes", "1G"));

    assertThat(config.events().maxAge()).isEqualTo(Duration.ofHours(72));
    assertThat(config.lifecycle().maxAge()).isEqualTo(Duration.ofHours(168));
    assertThat(config.commands().maxBytes()).isEqualTo(1L << 30);
    assertThat(StandardStreams.all(config)).extracting(StreamSpec::name)
        .containsExactly("EVENTS", "LIFECYCLE", "COMMANDS");
    assertThat(StandardStreams.all(config)).extracting(s -> s.subjects().get(0))
        .containsExactly("events.>", "lifecycle.>", "commands.>");
  }

  @ParameterizedTest
  @CsvSource({"1024, 1024", "1K, 1024", "512MB, 536870912", "2GiB, 2147483648", "1t, 1099511627776", "-1, -1"})
  void byteSizesArePowersOf1024(String text, long bytes) {
    assertThat(ByteSizes.parse("k", text)).isEqualTo(bytes);
  }

  @Test
  void byteSizeOverflowIsRefused() {
    assertThatThrownBy(() -> ByteSizes.parse("k", "99999999999T")).hasMessageContaining("not a byte size");
  }
}
