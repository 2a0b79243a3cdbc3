package io.quargo.eventsource.nats;

import static io.quargo.eventsource.spec.SpecFields.type;

import com.fasterxml.jackson.databind.JsonNode;
import io.quargo.core.resource.Resource;
import io.quargo.eventsource.spec.EventSourceSpecException;
import io.quargo.eventsource.spec.SpecFields;
import io.quargo.core.secret.SecretResolver;
import io.quargo.eventsource.tls.TlsSpec;
import io.quargo.eventsource.webhook.EventFilter;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Reads {@code spec.nats} of an EventSource into {@link NatsSpec}s with Argo's field names ({@code url},
 * {@code subject}, {@code queue}, {@code jsonBody}, {@code auth}, {@code connectionBackoff}, {@code metadata},
 * {@code filter}) plus our {@code jetStream} block. Every error names the JSON path.
 */
public final class NatsSpecParser {
  private static final Set<String> DELIVER_POLICIES = Set.of("all", "new", "last");
  private static final Set<String> AUTH_FORMS = Set.of("basic", "token", "nkey", "credential");

  private final SecretResolver secrets;

  public NatsSpecParser(SecretResolver secrets) {
    this.secrets = secrets;
  }

  public List<NatsSpec> parse(Resource eventSource) {
    List<NatsSpec> specs = new ArrayList<>();
    for (Map.Entry<String, JsonNode> e : SpecFields.entries(eventSource, "nats").entrySet()) {
      specs.add(spec(SpecFields.namespace(eventSource), eventSource.name(), e.getKey(), e.getValue(),
          "spec.nats." + e.getKey()));
    }
    return specs;
  }

  /** One adapter per entry; start each with a sink built with {@link #filters}. */
  public List<NatsAdapter> adapters(Resource eventSource) {
    return parse(eventSource).stream().map(NatsAdapter::new).toList();
  }

  /** The entries' {@code filter.expression}s by event name, as {@link io.quargo.eventsource.spi.BusEventSink} takes them. */
  public static Map<String, EventFilter> filters(List<NatsSpec> specs) {
    Map<String, EventFilter> filters = new LinkedHashMap<>();
    specs.stream().filter(s -> s.filter() != null).forEach(s -> filters.put(s.eventName(), s.filter()));
    return filters;
  }

  public NatsSpec spec(String namespace, String eventSource, String eventName, JsonNode spec, String path) {
    String url = url(SpecFields.requiredText(spec, "url", path), path + ".url");
    JetStreamSource jetStream = jetStream(spec.get("jetStream"), path + ".jetStream", eventSource, eventName);
    String subject = jetStream == null ? SpecFields.requiredText(spec, "subject", path)
        : SpecFields.text(spec, "subject", path);
    String queue = SpecFields.text(spec, "queue", path);
    if (queue != null && jetStream != null) {
      throw new EventSourceSpecException(path + ".queue", "a queue group is for core subscriptions; a JetStream durable consumer"
          + " is already shared by every replica, remove queue");
    }
    return new NatsSpec(namespace, eventSource, eventName, path, url, subject, queue,
        SpecFields.bool(spec, "jsonBody", path), SpecFields.metadata(spec, path), auth(spec.get("auth"), path + ".auth", namespace),
        backoff(spec.get("connectionBackoff"), path + ".connectionBackoff"), jetStream,
        TlsSpec.read(spec, path, secrets, namespace), SpecFields.filter(spec, path));
  }

  /** A server URL or a comma list of them, {@code nats://host:port}. */
  private static String url(String text, String path) {
    for (String one : text.split(",")) {
      URI uri;
      try {
        uri = URI.create(one.trim());
      } catch (IllegalArgumentException e) {
        throw new EventSourceSpecException(path, "'" + one.trim() + "' is not a URL; write nats://host:4222");
      }
      if (uri.getScheme() == null || !Set.of("nats", "tls").contains(uri.getScheme()) || uri.getHost() == null) {
        throw new EventSourceSpecException(path, "'" + one.trim() + "' is not a nats URL; write nats://host:4222");
      }
    }
    return text;
  }

  private NatsAuth auth(JsonNode auth, String path, String namespace) {
    if (auth == null || auth.isNull()) {
      return NatsAuth.NONE;
    }
    if (!auth.isObject()) {
      throw new EventSourceSpecException(path, "must be an object with one of basic, token, nkey, credential");
    }
    List<String> forms = new ArrayList<>();
    auth.fieldNames().forEachRemaining(f -> {
      if (AUTH_FORMS.contains(f) && !auth.get(f).isNull()) {
        forms.add(f);
      }
    });
    if (forms.size() != 1) {
      throw new EventSourceSpecException(path, "must set exactly one of basic, token, nkey, credential, got " + forms);
    }
    String form = forms.get(0);
    return switch (form) {
      case "basic" -> new NatsAuth(secret(auth.get("basic").get("username"), path + ".basic.username", namespace),
          secret(auth.get("basic").get("password"), path + ".basic.password", namespace), null, null, null);
      case "token" -> new NatsAuth(null, null, secret(auth.get("token"), path + ".token", namespace), null, null);
      case "nkey" -> new NatsAuth(null, null, null, secret(auth.get("nkey"), path + ".nkey", namespace), null);
      default -> new NatsAuth(null, null, null, null, secret(auth.get("credential"), path + ".credential", namespace));
    };
  }

  private String secret(JsonNode ref, String path, String namespace) {
    if (ref == null || !ref.isObject() || !ref.path("name").isTextual() || !ref.path("key").isTextual()) {
      throw new EventSourceSpecException(path, "must name a secret as {name, key}");
    }
    String name = ref.get("name").asText();
    String key = ref.get("key").asText();
    String value = secrets.resolve(namespace, name, key);
    if (value == null || value.isBlank()) {
      throw new EventSourceSpecException(path, "secret '" + name + "' has no key '" + key + "' (or it is empty)");
    }
    return value.trim();
  }

  /** Argo's Backoff: {@code duration} is a Go duration or nanoseconds; {@code factor}, {@code jitter} numbers. */
  static ConnectionBackoff backoff(JsonNode spec, String path) {
    if (spec == null || spec.isNull()) {
      return ConnectionBackoff.DEFAULT;
    }
    if (!spec.isObject()) {
      throw new EventSourceSpecException(path, "must be an object {duration, steps, factor, jitter}, got " + type(spec));
    }
    ConnectionBackoff d = ConnectionBackoff.DEFAULT;
    Duration duration = d.duration();
    JsonNode value = spec.get("duration");
    if (value != null && value.isIntegralNumber()) {
      duration = Duration.ofNanos(value.asLong());
    } else if (value != null && !value.isNull()) {
      duration = SpecFields.duration(spec, "duration", path);
    }
    int steps = (int) number(spec.get("steps"), d.steps(), path + ".steps");
    double factor = number(spec.get("factor"), d.factor(), path + ".factor");
    double jitter = number(spec.get("jitter"), d.jitter(), path + ".jitter");
    if (steps < 1 || factor < 0 || jitter < 0 || duration.isNegative()) {
      throw new EventSourceSpecException(path, "steps must be at least 1 and duration, factor, jitter not negative");
    }
    return new ConnectionBackoff(duration, steps, factor, jitter);
  }

  private static double number(JsonNode value, double fallback, String path) {
    if (value == null || value.isNull()) {
      return fallback;
    }
    if (value.isNumber()) {
      return value.asDouble();
    }
    try {
      return Double.parseDouble(value.asText().trim());
    } catch (NumberFormatException e) {
      throw new EventSourceSpecException(path, "must be a number, got '" + value.asText() + "'");
    }
  }

  private static JetStreamSource jetStream(JsonNode spec, String path, String eventSource, String eventName) {
    if (spec == null || spec.isNull()) {
      return null;
    }
    if (!spec.isObject()) {
      throw new EventSourceSpecException(path, "must be an object {stream, durableName, deliverPolicy, ackWait}, got " + type(spec));
    }
    String stream = SpecFields.requiredText(spec, "stream", path);
    String durable = SpecFields.text(spec, "durableName", path);
    if (durable == null) {
      durable = ("quargo-" + eventSource + "-" + eventName).replaceAll("[^-_A-Za-z0-9]", "_");
    } else if (!durable.matches("[-_A-Za-z0-9]+")) {
      throw new EventSourceSpecException(path + ".durableName", "may only hold letters, digits, '-' and '_', got '" + durable + "'");
    }
    String policy = SpecFields.text(spec, "deliverPolicy", path);
    policy = policy == null ? "all" : policy.toLowerCase(Locale.ROOT);
    if (!DELIVER_POLICIES.contains(policy)) {
      throw new EventSourceSpecException(path + ".deliverPolicy", "must be all, new or last, got '" + policy + "'");
    }
    Duration ackWait = SpecFields.duration(spec, "ackWait", path);
    if (ackWait != null && ackWait.compareTo(Duration.ofSeconds(1)) < 0) {
      throw new EventSourceSpecException(path + ".ackWait", "must be at least 1s");
    }
    return new JetStreamSource(stream, durable, policy, ackWait == null ? Duration.ofSeconds(30) : ackWait);
  }
}
