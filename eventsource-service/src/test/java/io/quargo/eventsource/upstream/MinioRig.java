package io.quargo.eventsource.upstream;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.minio.MakeBucketArgs;
import io.minio.MinioClient;
import io.minio.PutObjectArgs;
import io.minio.RemoveObjectArgs;
import io.quargo.core.event.CloudEvent;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.gaul.s3proxy.junit.S3ProxyJunitCore;

/**
 * minio.yaml against s3proxy in this JVM (as MinioAdapterIT): {@code endpoint} becomes its address, the access
 * and secret key secrets its credentials, and the example's bucket is created. For each s3 event the example asks
 * for, one real request: a PUT for {@code s3:ObjectCreated:Put}, a DELETE for {@code s3:ObjectRemoved:Delete}.
 */
final class MinioRig implements ExampleRig {
  private static final String KEY = "upstream-example.txt";
  private static final String CONTENT = "hello from the upstream example";

  private final S3ProxyJunitCore s3 =
      new S3ProxyJunitCore.Builder().withCredentials("quargo-access", "quargo-secret").build();
  private final MinioClient client;

  MinioRig() throws Exception {
    s3.beforeEach();
    client = MinioClient.builder().endpoint(s3.getUri().toString()).credentials(s3.getAccessKey(), s3.getSecretKey())
        .region("us-east-1").build();
  }

  @Override
  public void connect(ObjectNode entries) throws Exception {
    for (JsonNode entry : entries) {
      ((ObjectNode) entry).put("endpoint", s3.getUri().getHost() + ":" + s3.getUri().getPort());
      client.makeBucket(MakeBucketArgs.builder().bucket(bucket(entry)).build());
    }
  }

  @Override
  public String secret(String namespace, String name, String key) {
    return switch (key) {
      case "accesskey" -> s3.getAccessKey();
      case "secretkey" -> s3.getSecretKey();
      default -> null;
    };
  }

  @Override
  public List<Message> messages(String eventName, JsonNode entry) {
    List<Message> messages = new ArrayList<>();
    for (JsonNode event : entry.path("events")) {
      messages.add(switch (event.asText()) {
        case "s3:ObjectCreated:Put" -> () -> {
          byte[] bytes = CONTENT.getBytes(StandardCharsets.UTF_8);
          client.putObject(PutObjectArgs.builder().bucket(bucket(entry)).object(KEY)
              .stream(new ByteArrayInputStream(bytes), bytes.length, -1).build());
        };
        case "s3:ObjectRemoved:Delete" ->
            () -> client.removeObject(RemoveObjectArgs.builder().bucket(bucket(entry)).object(KEY).build());
        default -> throw new AssertionError(eventName + ": no request here produces " + event);
      });
    }
    return messages;
  }

  @Override
  public void check(String eventName, JsonNode entry, List<CloudEvent> events) {
    List<String> asked = new ArrayList<>();
    entry.path("events").forEach(e -> asked.add(e.asText()));
    assertThat(events).extracting(e -> e.data().at("/notification/0/eventName").asText())
        .containsExactlyElementsOf(asked);
    for (CloudEvent event : events) {
      JsonNode data = event.data();
      assertThat(ExampleRig.fields(data)).containsExactly("notification"); // MinIO's {"notification": [record]}
      assertThat(data.get("notification")).hasSize(1);
      JsonNode record = data.at("/notification/0");
      assertThat(ExampleRig.fields(record)).containsExactly("eventVersion", "eventSource", "awsRegion", "eventTime",
          "eventName", "userIdentity", "requestParameters", "responseElements", "s3", "source");
      assertThat(record.at("/s3/bucket/name").asText()).isEqualTo(bucket(entry));
      assertThat(record.at("/s3/object/key").asText()).isEqualTo(KEY);
    }
    assertThat(events).map(e -> e.data().at("/notification/0"))
        .filteredOn(r -> r.get("eventName").asText().equals("s3:ObjectCreated:Put"))
        .allSatisfy(r -> assertThat(r.at("/s3/object/size").asLong()).isEqualTo(CONTENT.length()));
  }

  private static String bucket(JsonNode entry) {
    return entry.path("bucket").path("name").asText();
  }

  @Override
  public void close() {
    s3.afterEach();
  }
}
