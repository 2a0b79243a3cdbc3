package io.quargo.eventsource.kafka;

import com.fasterxml.jackson.databind.JsonNode;
import io.quargo.core.resource.Resource;
import io.quargo.eventsource.spec.EventSourceSpecException;
import io.quargo.eventsource.spec.SpecFields;
import io.quargo.core.secret.SecretResolver;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Reads {@code spec.kafka} with Argo's validation ({@code url} and {@code topic} required; {@code partition}
 * required without a {@code consumerGroup}); errors name the JSON path, e.g.
 * {@code spec.kafka.example.partition: is required without consumerGroup: ...}.
 */
public final class KafkaSpecParser {
  static final Set<String> REBALANCE_STRATEGIES = Set.of("range", "roundrobin", "sticky");

  private final SecretResolver secrets;

  public KafkaSpecParser(SecretResolver secrets) {
    this.secrets = secrets;
  }

  /** Every entry of {@code spec.kafka}, in manifest order. */
  public List<KafkaSource> parse(Resource eventSource) {
    List<KafkaSource> sources = new ArrayList<>();
    SpecFields.entries(eventSource, "kafka").forEach((name, spec) -> sources.add(
        parseOne(SpecFields.namespace(eventSource), eventSource.name(), name, spec, "spec.kafka." + name)));
    return sources;
  }

  private KafkaSource parseOne(String namespace, String eventSource, String name, JsonNode spec, String path) {
    List<String> brokers = Arrays.stream(SpecFields.requiredText(spec, "url", path).split(","))
        .map(String::trim).filter(b -> !b.isEmpty()).toList();
    if (brokers.isEmpty()) {
      throw new EventSourceSpecException(path + ".url", "is required: give host:port of at least one broker");
    }
    String topic = SpecFields.requiredText(spec, "topic", path);
    KafkaSource.ConsumerGroup group = consumerGroup(spec, path);
    Integer partition = partition(spec, path, group == null);
    rejectUnsupported(spec, path);
    SpecFields.optionalText(spec, "version", path); // the Java client negotiates the protocol version itself
    return new KafkaSource(namespace, eventSource, name, brokers, topic, partition, group,
        SpecFields.bool(spec, "jsonBody", path, false),
        SpecFields.integer(spec, "limitEventsPerSecond", path, 0, 0, 1_000_000),
        new KafkaSecurity(secrets, namespace).clientProperties(spec, path), SpecFields.metadata(spec, path),
        SpecFields.filter(spec, path));
  }

  private static KafkaSource.ConsumerGroup consumerGroup(JsonNode spec, String path) {
    JsonNode group = spec.get("consumerGroup");
    if (group == null || group.isNull()) {
      return null;
    }
    String at = path + ".consumerGroup";
    if (!group.isObject()) {
      throw new EventSourceSpecException(at, "must be an object {groupName, oldest, rebalanceStrategy}, got "
          + SpecFields.type(group));
    }
    String strategy = SpecFields.text(group, "rebalanceStrategy", at);
    strategy = strategy == null ? "range" : strategy.toLowerCase(Locale.ROOT);
    if (!REBALANCE_STRATEGIES.contains(strategy)) {
      throw new EventSourceSpecException(at + ".rebalanceStrategy", "must be one of range, roundrobin, sticky, got '"
          + strategy + "'");
    }
    return new KafkaSource.ConsumerGroup(SpecFields.requiredText(group, "groupName", at),
        SpecFields.bool(group, "oldest", at, false), strategy);
  }

  private static Integer partition(JsonNode spec, String path, boolean required) {
    String text = SpecFields.optionalText(spec, "partition", path);
    if (text == null || text.isBlank()) {
      if (required) {
        throw new EventSourceSpecException(path + ".partition",
            "is required without consumerGroup: give the partition to read, e.g. \"0\", or set consumerGroup.groupName");
      }
      return null;
    }
    if (!text.trim().matches("\\d{1,9}")) {
      throw new EventSourceSpecException(path + ".partition", "must be a partition number like \"0\", got '" + text
          + "'");
    }
    return required ? Integer.valueOf(text.trim()) : null; // Argo ignores partition with a consumer group
  }

  /** Fields whose Go-side meaning (sarama settings, AWS IAM, Avro) this consumer cannot honour: say so. */
  private static void rejectUnsupported(JsonNode spec, String path) {
    if (SpecFields.optionalText(spec, "config", path) != null && !spec.get("config").asText().isBlank()) {
      throw new EventSourceSpecException(path + ".config", "is a sarama (Go client) configuration, which this Java "
          + "consumer cannot apply; remove it (TLS and SASL have their own fields)");
    }
    if (spec.hasNonNull("schemaRegistry")) {
      throw new EventSourceSpecException(path + ".schemaRegistry", "Avro decoding is not supported yet; remove "
          + "schemaRegistry and produce JSON");
    }
    if (spec.hasNonNull("awsMskIamAuth")) {
      throw new EventSourceSpecException(path + ".awsMskIamAuth", "AWS MSK IAM authentication is not supported yet; "
          + "use sasl (SCRAM) instead");
    }
  }
}
