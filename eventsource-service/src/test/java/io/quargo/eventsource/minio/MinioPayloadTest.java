package io.quargo.eventsource.minio;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;

class MinioPayloadTest {
  private static final Instant T = Instant.parse("2024-01-01T10:00:00.123Z");

  @Test
  void aCreatedObjectLooksLikeMinIosNotificationRecord() {
    JsonNode data = MinioPayload.data("input", new ObjectChange(ObjectChange.CREATED,
        new ObjectState("dir/hello world*.txt", "\"abc\"", 11, T)), T, Map.of("team", "a"));
    JsonNode record = data.at("/notification/0");
    assertThat(data.get("notification")).hasSize(1);
    assertThat(record.get("eventName").asText()).isEqualTo("s3:ObjectCreated:Put");
    assertThat(record.get("eventTime").asText()).isEqualTo("2024-01-01T10:00:00.123Z");
    assertThat(record.get("eventSource").asText()).isEqualTo("minio:s3");
    assertThat(record.at("/s3/bucket").toString())
        .isEqualTo("{\"name\":\"input\",\"ownerIdentity\":{\"principalId\":\"\"},\"arn\":\"arn:aws:s3:::input\"}");
    assertThat(record.at("/s3/object/key").asText()).isEqualTo("dir%2Fhello+world%2A.txt");
    assertThat(record.at("/s3/object/size").asLong()).isEqualTo(11);
    assertThat(record.at("/s3/object/eTag").asText()).isEqualTo("abc");
    assertThat(record.at("/s3/object/sequencer").asText()).isEqualTo("17A630D4EFF014C0");
    assertThat(data.get("metadata").toString()).isEqualTo("{\"team\":\"a\"}");
  }

  @Test
  void aRemovedObjectHasNoSizeOrETag() {
    JsonNode record = MinioPayload.data("input", new ObjectChange(ObjectChange.REMOVED,
        new ObjectState("k", "abc", 11, T)), T, Map.of()).at("/notification/0");
    assertThat(record.get("eventName").asText()).isEqualTo("s3:ObjectRemoved:Delete");
    assertThat(record.at("/s3/object").toString()).startsWith("{\"key\":\"k\",\"sequencer\":");
  }
}
