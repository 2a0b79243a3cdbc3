package io.quargo.eventsource.minio;

import static io.quargo.eventsource.amqp.Specs.eventSource;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.quargo.core.resource.Resource;
import io.quargo.eventsource.amqp.Specs;
import io.quargo.eventsource.spec.EventSourceSpecException;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class MinioSpecParserTest {
  private static final String KEYS = "\"accessKey\": {\"name\": \"s3\", \"key\": \"a\"}, \"secretKey\": {\"name\": \"s3\", \"key\": \"s\"}";
  private final MinioSpecParser parser = new MinioSpecParser((ns, name, key) -> switch (name + "/" + key) {
    case "s3/a" -> "AKIA\n";
    case "s3/s" -> "secret";
    default -> null;
  });

  private MinioSource parse(String entry) {
    return parser.parse(eventSource("team", "m", "minio", "{\"example\": {" + entry + "}}")).get(0);
  }

  @Test
  void readsTheSpec() {
    MinioSource s = parse("\"endpoint\": \"minio:9000\", \"bucket\": {\"name\": \"input\"}, \"insecure\": true,"
        + " \"events\": [\"s3:ObjectCreated:*\"], \"filter\": {\"prefix\": \"hello-\", \"suffix\": \".txt\"}, " + KEYS);
    assertThat(s.url()).isEqualTo("http://minio:9000");
    assertThat(s.bucket()).isEqualTo("input");
    assertThat(s.accessKey()).isEqualTo("AKIA");
    assertThat(s.secretKey()).isEqualTo("secret");
    assertThat(s.region()).isEqualTo("us-east-1");
    assertThat(s.wants(ObjectChange.CREATED)).isTrue();
    assertThat(s.wants(ObjectChange.REMOVED)).isFalse();
    assertThat(s.wants(ObjectChange.CREATED_MULTIPART)).isTrue();
    assertThat(s.accepts("hello-world.txt")).isTrue();
    assertThat(s.accepts("hello-world.csv")).isFalse();
    assertThat(s.accepts("bye.txt")).isFalse();
    assertThat(s).hasToString("minio/example http://minio:9000 bucket input events [s3:ObjectCreated:*] filter hello-*.txt");
    assertThat(parse("\"endpoint\": \"s3.example.com\", \"bucket\": {\"name\": \"b\"}, \"events\": [\"s3:ObjectRemoved:Delete\"]")
        .url()).isEqualTo("https://s3.example.com");
  }

  @Test
  void errorsNameThePath() {
    assertError("\"bucket\": {\"name\": \"b\"}, \"events\": [\"s3:ObjectCreated:Put\"]", "spec.minio.example.endpoint: is required");
    assertError("\"endpoint\": \"m:9000\", \"events\": [\"s3:ObjectCreated:Put\"]", "spec.minio.example.bucket: is required");
    assertError("\"endpoint\": \"m:9000\", \"bucket\": {}, \"events\": [\"s3:ObjectCreated:Put\"]", "spec.minio.example.bucket.name: is required");
    assertError("\"endpoint\": \"m:9000\", \"bucket\": {\"name\": \"b\"}", "spec.minio.example.events: is required");
    assertError("\"endpoint\": \"m:9000\", \"bucket\": {\"name\": \"b\"}, \"events\": [\"ObjectCreated\"]",
        "spec.minio.example.events[0]: must be an S3 event name");
    assertError("\"endpoint\": \"m:9000\", \"bucket\": {\"name\": \"b\"}, \"events\": [\"s3:ObjectAccessed:Get\"]",
        "spec.minio.example.events: none of [s3:ObjectAccessed:Get] can be observed");
    assertError("\"endpoint\": \"m:9000\", \"bucket\": {\"name\": \"b\"}, \"events\": [\"s3:ObjectCreated:Copy\"]",
        "spec.minio.example.events: none of [s3:ObjectCreated:Copy] can be observed: this source lists the bucket and "
            + "reports only s3:ObjectCreated:Put, s3:ObjectCreated:CompleteMultipartUpload, s3:ObjectRemoved:Delete");
    assertError("\"endpoint\": \"http://m:9000\", \"bucket\": {\"name\": \"b\"}, \"events\": [\"s3:ObjectCreated:Put\"]",
        "spec.minio.example.endpoint: must be host:port without a scheme");
    assertError("\"endpoint\": \"m:9000\", \"bucket\": {\"name\": \"b\"}, \"events\": [\"s3:ObjectCreated:Put\"],"
        + " \"accessKey\": {\"name\": \"s3\", \"key\": \"a\"}", "spec.minio.example.secretKey: is required with accessKey");
    assertError("\"endpoint\": \"m:9000\", \"bucket\": {\"name\": \"b\"}, \"events\": [\"s3:ObjectCreated:Put\"],"
        + " \"accessKey\": {\"name\": \"gone\", \"key\": \"a\"}", "spec.minio.example.accessKey: secret 'gone' has no key 'a'");
  }

  @Test
  void everyMinioExampleParses() throws Exception {
    List<Resource> examples = Specs.upstreamExamples("minio");
    assertThat(examples).isNotEmpty();
    List<MinioSource> parsed = new ArrayList<>();
    for (Resource example : examples) {
      parsed.addAll(new MinioSpecParser((ns, name, key) -> key).parse(example));
    }
    assertThat(parsed).anySatisfy(s -> assertThat(s).hasToString(
        "minio/example http://minio-service.argo-events:9000 bucket input events [s3:ObjectCreated:Put, s3:ObjectRemoved:Delete]"));
  }

  private void assertError(String entry, String message) {
    assertThatThrownBy(() -> parse(entry)).isInstanceOf(EventSourceSpecException.class).hasMessageStartingWith(message);
  }
}
