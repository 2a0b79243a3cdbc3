package io.quargo.eventsource.amqp;

import io.quargo.eventsource.spec.EventSourceSpecException;
import io.quargo.eventsource.spec.SpecFields;
import io.quargo.eventsource.tls.TlsSpec;
import com.fasterxml.jackson.databind.JsonNode;
import io.quargo.core.resource.Resource;
import io.quargo.core.secret.SecretResolver;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Reads {@code spec.amqp} of an EventSource into {@link AmqpSource}s with Argo's field names, validation
 * ({@code url} or {@code urlSecret}, {@code routingKey}, {@code exchangeType}, {@code tls}) and defaults. Every error is an
 * {@link EventSourceSpecException} naming the JSON path, e.g. {@code spec.amqp.example.url: is required ...}.
 */
public final class AmqpSpecParser {
  private final SecretResolver secrets;

  public AmqpSpecParser(SecretResolver secrets) {
    this.secrets = secrets;
  }

  /** Every entry of {@code spec.amqp}, in manifest order; none when the EventSource has none. */
  public List<AmqpSource> parse(Resource eventSource) {
    List<AmqpSource> sources = new ArrayList<>();
    SpecFields.entries(eventSource, "amqp").forEach((name, spec) -> sources.add(
        source(SpecFields.namespace(eventSource), eventSource.name(), name, spec, "spec.amqp." + name)));
    return sources;
  }

  AmqpSource source(String namespace, String eventSource, String eventName, JsonNode spec, String path) {
    String url = url(spec, path, namespace);
    String exchangeName = SpecFields.requiredText(spec, "exchangeName", path);
    String exchangeType = SpecFields.requiredText(spec, "exchangeType", path);
    String routingKey = SpecFields.requiredText(spec, "routingKey", path);
    JsonNode auth = spec.get("auth");
    String username = null;
    String password = null;
    if (auth != null && !auth.isNull()) {
      username = SpecFields.secret(auth, "username", path + ".auth", secrets, namespace);
      password = SpecFields.secret(auth, "password", path + ".auth", secrets, namespace);
      if (username == null || password == null) {
        throw new EventSourceSpecException(path + ".auth", "needs both username and password secrets");
      }
    }
    return new AmqpSource(namespace, eventSource, eventName, url, exchangeName, exchangeType, routingKey,
        SpecFields.bool(spec, "jsonBody", path, false), exchangeDeclare(spec, path + ".exchangeDeclare"),
        queueDeclare(spec, path + ".queueDeclare"), block(spec, "queueBind", path) != null
            && SpecFields.bool(spec.get("queueBind"), "noWait", path + ".queueBind", false),
        consume(spec, path + ".consume"), username, password, ConnectionBackoff.parse(spec, path),
        TlsSpec.read(spec, path, secrets, namespace), SpecFields.metadata(spec, path), SpecFields.filter(spec, path));
  }

  private String url(JsonNode spec, String path, String namespace) {
    String url = SpecFields.optionalText(spec, "url", path);
    String fromSecret = SpecFields.secret(spec, "urlSecret", path, secrets, namespace);
    if ((url == null || url.isBlank()) == (fromSecret == null)) {
      throw new EventSourceSpecException(path + ".url", url == null || url.isBlank()
          ? "is required (or urlSecret): e.g. amqp://rabbitmq:5672"
          : "give url or urlSecret, not both");
    }
    String chosen = fromSecret != null ? fromSecret : url.trim();
    String at = fromSecret != null ? path + ".urlSecret" : path + ".url";
    try {
      URI uri = URI.create(chosen);
      if (!("amqp".equals(uri.getScheme()) || "amqps".equals(uri.getScheme())) || uri.getHost() == null) {
        throw new EventSourceSpecException(at, "must be an amqp://host:port or amqps://host:port URL");
      }
    } catch (IllegalArgumentException e) {
      throw new EventSourceSpecException(at, "must be an amqp://host:port or amqps://host:port URL");
    }
    return chosen;
  }

  private static JsonNode block(JsonNode spec, String field, String path) {
    JsonNode value = spec.get(field);
    if (value == null || value.isNull()) {
      return null;
    }
    if (!value.isObject()) {
      throw new EventSourceSpecException(path + "." + field, "must be an object, got " + SpecFields.type(value));
    }
    return value;
  }

  private static AmqpSource.ExchangeDeclare exchangeDeclare(JsonNode spec, String path) {
    JsonNode b = block(spec, "exchangeDeclare", path.substring(0, path.lastIndexOf('.')));
    if (b == null) {
      return AmqpSource.ExchangeDeclare.DEFAULT;
    }
    // a given block replaces the defaults field by field with Go's zero values, as Argo's setDefaults does
    return new AmqpSource.ExchangeDeclare(SpecFields.bool(b, "durable", path, false),
        SpecFields.bool(b, "autoDelete", path, false), SpecFields.bool(b, "internal", path, false),
        SpecFields.bool(b, "noWait", path, false));
  }

  private static AmqpSource.QueueDeclare queueDeclare(JsonNode spec, String path) {
    JsonNode b = block(spec, "queueDeclare", path.substring(0, path.lastIndexOf('.')));
    if (b == null) {
      return AmqpSource.QueueDeclare.DEFAULT;
    }
    String name = SpecFields.optionalText(b, "name", path);
    boolean noWait = SpecFields.bool(b, "noWait", path, false);
    if (noWait && (name == null || name.isBlank())) {
      throw new EventSourceSpecException(path + ".noWait", "needs queueDeclare.name: a server-named queue's name "
          + "only comes back in the reply noWait skips");
    }
    return new AmqpSource.QueueDeclare(name == null ? "" : name, SpecFields.bool(b, "durable", path, false),
        SpecFields.bool(b, "autoDelete", path, false), SpecFields.bool(b, "exclusive", path, false), noWait,
        arguments(b, path + ".arguments"));
  }

  /** Argo takes {@code arguments} as a YAML table in a string, e.g. {@code "x-queue-type: quorum"}. */
  private static Map<String, Object> arguments(JsonNode block, String path) {
    JsonNode value = block.get("arguments");
    if (value == null || value.isNull() || (value.isTextual() && value.asText().isBlank())) {
      return Map.of();
    }
    if (!value.isTextual()) {
      throw new EventSourceSpecException(path, "must be a YAML table in a string like \"x-queue-type: quorum\", got "
          + SpecFields.type(value));
    }
    return QueueArguments.parse(value.asText(), path);
  }

  private static AmqpSource.Consume consume(JsonNode spec, String path) {
    JsonNode b = block(spec, "consume", path.substring(0, path.lastIndexOf('.')));
    if (b == null) {
      return AmqpSource.Consume.DEFAULT;
    }
    String tag = SpecFields.optionalText(b, "consumerTag", path);
    return new AmqpSource.Consume(tag == null ? "" : tag, SpecFields.bool(b, "autoAck", path, false),
        SpecFields.bool(b, "exclusive", path, false), SpecFields.bool(b, "noLocal", path, false),
        SpecFields.bool(b, "noWait", path, false));
  }
}
