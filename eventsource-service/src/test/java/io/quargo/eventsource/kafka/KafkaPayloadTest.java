package io.quargo.eventsource.kafka;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Optional;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.common.record.TimestampType;
import org.junit.jupiter.api.Test;

class KafkaPayloadTest {

  private static ConsumerRecord<byte[], byte[]> record(String key, String value) {
    RecordHeaders headers = new RecordHeaders();
    headers.add("trace", "abc".getBytes(StandardCharsets.UTF_8));
    return new ConsumerRecord<>("orders", 2, 7L, 1_704_103_200_250L, TimestampType.CREATE_TIME, -1, -1,
        key == null ? null : key.getBytes(StandardCharsets.UTF_8), value.getBytes(StandardCharsets.UTF_8), headers,
        Optional.empty());
  }

  @Test
  void jsonBodyEmbedsTheValue() {
    assertThat(KafkaPayload.data(record("k1", "{\"n\": 1}"), true, Map.of("team", "a")).toString()).isEqualTo(
        "{\"topic\":\"orders\",\"key\":\"k1\",\"partition\":2,\"body\":{\"n\":1},"
            + "\"timestamp\":\"2024-01-01 10:00:00.25 +0000 UTC\",\"headers\":{\"trace\":\"abc\"},\"metadata\":{\"team\":\"a\"}}");
  }

  @Test
  void otherwiseTheValueIsBase64AsGoMarshalsBytes() {
    assertThat(KafkaPayload.data(record(null, "hi"), false, Map.of()).toString()).isEqualTo(
        "{\"topic\":\"orders\",\"key\":\"\",\"partition\":2,\"body\":\"aGk=\","
            + "\"timestamp\":\"2024-01-01 10:00:00.25 +0000 UTC\",\"headers\":{\"trace\":\"abc\"}}");
  }

  @Test
  void jsonBodyRefusesAValueThatIsNotJson() {
    assertThatThrownBy(() -> KafkaPayload.data(record("k", "not json"), true, Map.of()))
        .isInstanceOf(IllegalArgumentException.class).hasMessageStartingWith("jsonBody is set but the message value is not JSON");
  }
}
