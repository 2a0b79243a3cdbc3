package io.quargo.eventbus.lease;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.quargo.eventbus.BusException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class LeaseRecordTest {
  private static final Instant NOW = Instant.parse("2026-01-01T00:00:00Z");

  @Test
  void roundTripsThroughJson() {
    LeaseRecord record = LeaseRecord.acquired("replica-a", NOW, Duration.ofSeconds(15));
    assertThat(LeaseRecord.parse("k", record.toBytes())).isEqualTo(record);
    assertThat(new String(record.toBytes(), StandardCharsets.UTF_8)).contains("\"holder\":\"replica-a\"");
  }

  @Test
  void expiresAtTheEndOfItsTtlAndRenewalMovesTheEnd() {
    LeaseRecord record = LeaseRecord.acquired("a", NOW, Duration.ofSeconds(15));
    assertThat(record.isExpiredAt(NOW.plusSeconds(14))).isFalse();
    assertThat(record.isExpiredAt(NOW.plusSeconds(15))).isTrue();
    LeaseRecord renewed = record.renewed(NOW.plusSeconds(10), Duration.ofSeconds(15));
    assertThat(renewed.isExpiredAt(NOW.plusSeconds(20))).isFalse();
    assertThat(renewed.acquiredAt()).isEqualTo(NOW);
  }

  @Test
  void aForeignValueIsAnErrorNamingTheKey() {
    assertThatThrownBy(() -> LeaseRecord.parse("sensor.x", "hello".getBytes(StandardCharsets.UTF_8)))
        .isInstanceOf(BusException.class).hasMessageContaining("sensor.x");
  }
}
