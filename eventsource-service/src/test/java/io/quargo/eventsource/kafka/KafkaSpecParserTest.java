package io.quargo.eventsource.kafka;

import static io.quargo.eventsource.amqp.Specs.eventSource;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.quargo.core.resource.Resource;
import io.quargo.eventsource.amqp.Specs;
import io.quargo.eventsource.spec.EventSourceSpecException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class KafkaSpecParserTest {
  private final KafkaSpecParser parser = new KafkaSpecParser((ns, name, key) -> switch (name + "/" + key) {
    case "user/user" -> "alice";
    case "user/password" -> "pa\"ss\n";
    case "tls/ca" -> "-----BEGIN CERTIFICATE-----\nCA\n-----END CERTIFICATE-----";
    case "tls/cert" -> "CERT";
    case "tls/key" -> "KEY";
    case "tls/ec" -> "-----BEGIN EC PRIVATE KEY-----\nAAAA\n-----END EC PRIVATE KEY-----\n";
    default -> null;
  });

  private KafkaSource parse(String entry) {
    return parser.parse(eventSource("team", "k", "kafka", "{\"example\": {" + entry + "}}")).get(0);
  }

  @Test
  void readsAPartitionSource() {
    KafkaSource s = parse("\"url\": \"a:9092, b:9092\", \"topic\": \"t\", \"partition\": \"1\", \"jsonBody\": true,"
        + " \"metadata\": {\"team\": \"a\"}, \"filter\": {\"expression\": \"body.n > 1\"}, \"version\": \"2.5.0\","
        + " \"connectionBackoff\": {\"duration\": \"10s\", \"steps\": 5}");
    assertThat(s.brokers()).containsExactly("a:9092", "b:9092");
    assertThat(s.topic()).isEqualTo("t");
    assertThat(s.partition()).isEqualTo(1);
    assertThat(s.consumerGroup()).isNull();
    assertThat(s.jsonBody()).isTrue();
    assertThat(s.limitEventsPerSecond()).isZero();
    assertThat(s.clientProperties()).isEmpty();
    assertThat(s.metadata()).isEqualTo(Map.of("team", "a"));
    assertThat(s.filter()).isNotNull();
    assertThat(s).hasToString("kafka/example a:9092,b:9092 topic t partition 1");
  }

  @Test
  void readsAConsumerGroup() {
    KafkaSource s = parse("\"url\": \"a:9092\", \"topic\": \"t\", \"limitEventsPerSecond\": 5,"
        + " \"consumerGroup\": {\"groupName\": \"g\", \"oldest\": true, \"rebalanceStrategy\": \"Sticky\"}");
    assertThat(s.consumerGroup()).isEqualTo(new KafkaSource.ConsumerGroup("g", true, "sticky"));
    assertThat(s.partition()).isNull();
    assertThat(s.limitEventsPerSecond()).isEqualTo(5);
    assertThat(parse("\"url\": \"a:9092\", \"topic\": \"t\", \"consumerGroup\": {\"groupName\": \"g\"}")
        .consumerGroup()).isEqualTo(new KafkaSource.ConsumerGroup("g", false, "range"));
  }

  @Test
  void mapsTlsAndSaslToClientProperties() {
    KafkaSource s = parse("\"url\": \"a:9093\", \"topic\": \"t\", \"partition\": 0,"
        + " \"tls\": {\"caCertSecret\": {\"name\": \"tls\", \"key\": \"ca\"},"
        + "   \"clientCertSecret\": {\"name\": \"tls\", \"key\": \"cert\"}, \"clientKeySecret\": {\"name\": \"tls\", \"key\": \"key\"}},"
        + " \"sasl\": {\"mechanism\": \"SCRAM-SHA-512\", \"userSecret\": {\"name\": \"user\", \"key\": \"user\"},"
        + "   \"passwordSecret\": {\"name\": \"user\", \"key\": \"password\"}}");
    assertThat(s.clientProperties()).containsEntry("security.protocol", "SASL_SSL")
        .containsEntry("sasl.mechanism", "SCRAM-SHA-512")
        .containsEntry("sasl.jaas.config", "org.apache.kafka.common.security.scram.ScramLoginModule required "
            + "username=\"alice\" password=\"pa\\\"ss\";")
        .containsEntry("ssl.truststore.type", "PEM")
        .containsEntry("ssl.keystore.certificate.chain", "CERT").containsEntry("ssl.keystore.key", "KEY");
    assertThat(parse("\"url\": \"a:9093\", \"topic\": \"t\", \"partition\": 0, \"sasl\": {"
        + "\"userSecret\": {\"name\": \"user\", \"key\": \"user\"}, \"passwordSecret\": {\"name\": \"user\", \"key\": \"password\"}}")
        .clientProperties()).containsEntry("security.protocol", "SASL_PLAINTEXT").containsEntry("sasl.mechanism", "PLAIN");
  }

  @Test
  void errorsNameThePath() {
    assertError("\"topic\": \"t\", \"partition\": \"0\"", "spec.kafka.example.url: is required");
    assertError("\"url\": \"a:9092\", \"partition\": \"0\"", "spec.kafka.example.topic: is required");
    assertError("\"url\": \"a:9092\", \"topic\": \"t\"", "spec.kafka.example.partition: is required without consumerGroup");
    assertError("\"url\": \"a:9092\", \"topic\": \"t\", \"partition\": \"one\"", "spec.kafka.example.partition: must be a partition number");
    assertError("\"url\": \"a:9092\", \"topic\": \"t\", \"consumerGroup\": {\"oldest\": true}",
        "spec.kafka.example.consumerGroup.groupName: is required");
    assertError("\"url\": \"a:9092\", \"topic\": \"t\", \"consumerGroup\": {\"groupName\": \"g\", \"rebalanceStrategy\": \"x\"}",
        "spec.kafka.example.consumerGroup.rebalanceStrategy: must be one of range, roundrobin, sticky");
    assertError("\"url\": \"a:9092\", \"topic\": \"t\", \"partition\": 0, \"config\": \"producer:\\n  retry: 3\"",
        "spec.kafka.example.config: is a sarama (Go client) configuration");
    assertError("\"url\": \"a:9092\", \"topic\": \"t\", \"partition\": 0, \"sasl\": {\"mechanism\": \"GSSAPI\"}",
        "spec.kafka.example.sasl.mechanism: must be PLAIN, SCRAM-SHA-256 or SCRAM-SHA-512");
    assertError("\"url\": \"a:9092\", \"topic\": \"t\", \"partition\": 0, \"tls\": {\"caCertSecret\": {\"name\": \"none\", \"key\": \"x\"}}",
        "spec.kafka.example.tls.caCertSecret: secret 'none' has no key 'x'");
    assertError("\"url\": \"a:9092\", \"topic\": \"t\", \"partition\": 0, \"tls\": {\"clientCertSecret\": {\"name\": "
        + "\"tls\", \"key\": \"cert\"}, \"clientKeySecret\": {\"name\": \"tls\", \"key\": \"ec\"}}",
        "spec.kafka.example.tls.clientKeySecret: SEC1 EC keys are not read; convert with: openssl pkcs8");
    assertError("\"url\": \"a:9092\", \"topic\": \"t\", \"partition\": 0, \"limitEventsPerSecond\": -1",
        "spec.kafka.example.limitEventsPerSecond: must be between 0 and 1000000");
  }

  @Test
  void everyKafkaExampleParses() throws Exception {
    List<Resource> examples = Specs.upstreamExamples("kafka");
    assertThat(examples).isNotEmpty();
    List<KafkaSource> parsed = new ArrayList<>();
    for (Resource example : examples) {
      parsed.addAll(new KafkaSpecParser((ns, name, key) -> key).parse(example));
    }
    assertThat(parsed).anySatisfy(s -> assertThat(s).hasToString("kafka/example kafka.argo-events:9092 topic topic-2 partition 1"));
  }

  private void assertError(String entry, String message) {
    assertThatThrownBy(() -> parse(entry)).isInstanceOf(EventSourceSpecException.class).hasMessageStartingWith(message);
  }
}
