package io.quargo.sensor.trigger;

import io.quargo.core.secret.SecretResolver;
import io.quargo.core.tls.TlsMaterial;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.quargo.sensor.conditions.Firing;
import io.quargo.sensor.parameters.TriggerParameters;
import io.quargo.sensor.spec.Sensor;
import io.quargo.sensor.spec.SensorSpecException;
import io.quargo.sensor.spec.Trigger;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;

/**
 * The {@code kafka} trigger: one record with the JSON built from {@code payload} to {@code topic} on the brokers
 * of {@code url} (comma-separated), keyed by {@code partitioningKey} and put on {@code partition} when given;
 * {@code headers} and {@code secureHeaders} become record headers, and so does
 * {@value HttpTrigger#TRIGGER_ID_HEADER} = the execution key, so a consumer can drop a repeat.
 * {@code requiredAcks} is 1 by default (Argo's); -1 (all) also turns on the producer's idempotence.
 * {@code compress: true} uses snappy, {@code flushFrequency} (ms) is the linger; {@code tls} and {@code sasl} as
 * the kafka source reads them ({@link KafkaTriggerSecurity}). Not yet: {@code schemaRegistry} (refused when the
 * runner starts). One producer per setting, closed with the runner.
 */
public final class KafkaTrigger implements TriggerExecutor, AutoCloseable {
  private static final Duration SEND_TIMEOUT = Duration.ofSeconds(30);
  private final SecretResolver secrets;
  private final Map<String, Client> producers = new ConcurrentHashMap<>();

  public KafkaTrigger(SecretResolver secrets) {
    this.secrets = secrets;
  }

  @Override
  public String kind() {
    return "kafka";
  }

  @Override
  public void validate(Trigger trigger) {
    String where = trigger.where() + ".template.kafka";
    if (trigger.typeSpec().hasNonNull("schemaRegistry")) {
      throw new SensorSpecException(where + ".schemaRegistry", "is not supported by this sensor service yet; remove it");
    }
    KafkaTriggerSecurity.validate(trigger.typeSpec(), where);
  }

  @Override
  public void execute(Sensor sensor, Trigger trigger, ObjectNode template, Firing firing) {
    String where = trigger.where() + ".template.kafka";
    JsonNode spec = TriggerParameters.apply(template.get("kafka"), trigger.typeParameters(), firing.events());
    String url = spec.path("url").asText("");
    String topic = spec.path("topic").asText("");
    if (url.isBlank()) {
      throw TriggerFailure.permanent(where + ".url: is required, e.g. kafka.example:9092");
    }
    if (topic.isBlank()) {
      throw TriggerFailure.permanent(where + ".topic: is required");
    }
    JsonNode partition = spec.get("partition");
    if (partition != null && !partition.isNull() && (!partition.canConvertToInt() || partition.asInt() < 0)) {
      throw TriggerFailure.permanent(where + ".partition: must be a partition number, got " + partition);
    }
    String key = spec.path("partitioningKey").asText("");
    ProducerRecord<byte[], byte[]> record = new ProducerRecord<>(topic,
        partition == null || partition.isNull() ? null : partition.asInt(),
        key.isEmpty() ? null : key.getBytes(StandardCharsets.UTF_8),
        TriggerParameters.payload(trigger.payload(), firing.events()).getBytes(StandardCharsets.UTF_8));
    spec.path("headers").fields().forEachRemaining(h -> record.headers().add(h.getKey(),
        h.getValue().asText().getBytes(StandardCharsets.UTF_8)));
    JsonNode secure = spec.path("secureHeaders");
    for (int i = 0; i < secure.size(); i++) {
      String at = where + ".secureHeaders[" + i + "]";
      String value = Secrets.read(secrets, sensor, secure.get(i).path("valueFrom").path("secretKeyRef"),
          at + ".valueFrom.secretKeyRef");
      record.headers().add(secure.get(i).path("name").asText(), value.getBytes(StandardCharsets.UTF_8));
    }
    record.headers().add(HttpTrigger.TRIGGER_ID_HEADER, firing.executionKey().getBytes(StandardCharsets.UTF_8));
    send(producer(sensor, spec, url, where), record, where, url);
  }

  private static void send(Client client, ProducerRecord<byte[], byte[]> record, String where, String url) {
    try {
      client.producer().send(record).get(SEND_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
    } catch (ExecutionException e) {
      throw TriggerFailure.transientFailure(where + ": sending to " + record.topic() + " on " + url + " failed: "
          + KafkaTriggerSecurity.explain(e.getCause(), client.tls(), where, url), e.getCause());
    } catch (TimeoutException | RuntimeException e) {
      throw TriggerFailure.transientFailure(where + ": sending to " + record.topic() + " on " + url + " failed: "
          + KafkaTriggerSecurity.explain(e, client.tls(), where, url), e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw TriggerFailure.transientFailure(where + ": interrupted while sending to " + url, e);
    }
  }

  /** A producer and the TLS material it was made with (for messages). */
  private record Client(Producer<byte[], byte[]> producer, TlsMaterial tls) {}

  private Client producer(Sensor sensor, JsonNode spec, String url, String where) {
    String acks = switch (spec.path("requiredAcks").asInt(1)) {
      case 0 -> "0";
      case 1 -> "1";
      case -1 -> "all";
      default -> throw TriggerFailure.permanent(where + ".requiredAcks: must be 0, 1 or -1 (all), got "
          + spec.path("requiredAcks"));
    };
    boolean compress = spec.path("compress").asBoolean(false);
    long linger = spec.path("flushFrequency").asLong(0);
    String id = url + "|" + acks + "|" + compress + "|" + linger + "|" + spec.path("tls") + "|" + spec.path("sasl");
    return producers.computeIfAbsent(id, k -> {
      Map<String, String> security = new HashMap<>();
      TlsMaterial tls = KafkaTriggerSecurity.apply(secrets, sensor, spec, where, security);
      Properties p = new Properties();
      p.putAll(security);
      p.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, url);
      p.put(ProducerConfig.ACKS_CONFIG, acks);
      p.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, String.valueOf(acks.equals("all")));
      p.put(ProducerConfig.COMPRESSION_TYPE_CONFIG, compress ? "snappy" : "none");
      p.put(ProducerConfig.LINGER_MS_CONFIG, String.valueOf(Math.max(0, linger)));
      p.put(ProducerConfig.MAX_BLOCK_MS_CONFIG, "15000");
      p.put(ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, "15000");
      p.put(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, String.valueOf(Math.max(0, linger) + 20000));
      p.put(ProducerConfig.CLIENT_ID_CONFIG, "quargo-sensor");
      try {
        return new Client(new KafkaProducer<>(p, new ByteArraySerializer(), new ByteArraySerializer()), tls);
      } catch (RuntimeException e) {
        throw TriggerFailure.permanent(where + ".url: cannot make a Kafka producer for '" + url + "': "
            + e.getMessage());
      }
    });
  }

  @Override
  public void close() {
    producers.values().forEach(c -> c.producer().close(Duration.ofSeconds(5)));
    producers.clear();
  }
}
