package io.quargo.eventbus.topology;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.nats.client.api.ConsumerConfiguration;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

class DriftTest {

  @Test
  void aStreamBuiltFromItsSpecHasNoDrift() {
    StreamSpec spec = StandardStreams.events(StreamLimits.defaults());

    assertThat(Drift.stream(spec, spec.toConfiguration(null))).isEmpty();
  }

  @Test
  void eachManagedStreamSettingIsReported() {
    StreamSpec spec = StandardStreams.events(StreamLimits.defaults());
    StreamSpec changed = spec.withLimits(spec.limits().withMaxAge(Duration.ofHours(24)).withMaxBytes(1 << 20))
        .withDescription("other");

    assertThat(Drift.stream(changed, spec.toConfiguration(null)))
        .containsExactly("max_age 168h -> 24h", "max_bytes -1 -> 1048576", "description "
            + spec.description() + " -> other");
  }

  @Test
  void subjectOrderDoesNotCount() {
    StreamSpec ab = StreamSpec.of("S", StreamLimits.defaults(), "a.>", "b.>");
    StreamSpec ba = StreamSpec.of("S", StreamLimits.defaults(), "b.>", "a.>");

    assertThat(Drift.stream(ba, ab.toConfiguration(null))).isEmpty();
    assertThat(Drift.stream(StreamSpec.of("S", StreamLimits.defaults(), "a.>"), ab.toConfiguration(null)))
        .hasSize(1).first().asString().startsWith("subjects");
  }

  @Test
  void withABackoffTheServersAckWaitIsTheFirstStep() {
    ConsumerSpec spec = ConsumerSpec.pull("S", "c", "s.a").withMaxDeliver(5)
        .withBackoff(List.of(Duration.ofSeconds(1), Duration.ofSeconds(10)));
    // nats-server stores ack_wait = backoff[0]; the spec's 30s must not look like drift forever
    ConsumerConfiguration asServerKeepsIt =
        ConsumerConfiguration.builder(spec.toConfiguration()).ackWait(Duration.ofSeconds(1)).build();

    assertThat(Drift.consumer(spec, asServerKeepsIt)).isEmpty();
    assertThat(Drift.consumer(spec.withMaxAckPending(10), asServerKeepsIt)).containsExactly("max_ack_pending 1000 -> 10");
  }

  @Test
  void consumerSpecRefusesWhatTheServerWould() {
    ConsumerSpec spec = ConsumerSpec.pull("S", "c", "s.a");

    assertThatThrownBy(() -> spec.withMaxDeliver(2).withBackoff(List.of(Duration.ofSeconds(1), Duration.ofSeconds(2))))
        .hasMessageContaining("maxDeliver (2) must be greater than the number of backoff steps (2)");
    assertThatThrownBy(() -> spec.withMaxAckPending(0)).hasMessageContaining("maxAckPending");
    assertThatThrownBy(() -> ConsumerSpec.pull("S", "sensor.dep", "s.a")).hasMessageContaining("consumer name 'sensor.dep'");
  }
}
