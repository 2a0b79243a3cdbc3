package io.quargo.eventsource.webhook;

import com.fasterxml.jackson.databind.JsonNode;
import io.quargo.core.expr.ExprException;
import io.quargo.core.resource.Resource;
import io.quargo.core.secret.SecretResolver;
import io.quargo.core.tls.PemSslContext;
import io.quargo.core.tls.TlsMaterialException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Reads {@code spec.webhook} of an EventSource into {@link WebhookRoute}s, with Argo's field names and
 * defaults. Every error is a {@link WebhookSpecException} naming the JSON path, e.g.
 * {@code spec.webhook.example.port: must be a number}.
 */
public final class WebhookSpecParser {
  private final SecretResolver secrets;

  public WebhookSpecParser(SecretResolver secrets) {
    this.secrets = secrets;
  }

  /** Every entry of {@code spec.webhook}, in manifest order; none when the EventSource has no webhook. */
  public List<WebhookRoute> parse(Resource eventSource) {
    JsonNode webhook = eventSource.spec() == null ? null : eventSource.spec().get("webhook");
    if (webhook == null || webhook.isNull()) {
      return List.of();
    }
    if (!webhook.isObject()) {
      throw new WebhookSpecException("spec.webhook", "must be a map of event name to webhook, got " + type(webhook));
    }
    String namespace = eventSource.namespace() == null ? "default" : eventSource.namespace();
    List<WebhookRoute> routes = new ArrayList<>();
    Iterator<Map.Entry<String, JsonNode>> entries = webhook.fields();
    while (entries.hasNext()) {
      Map.Entry<String, JsonNode> e = entries.next();
      routes.add(route(namespace, eventSource.name(), e.getKey(), e.getValue(), "spec.webhook." + e.getKey()));
    }
    return routes;
  }

  /** One webhook context ({@code WebhookContext} plus {@code filter}) found at {@code path}. */
  public WebhookRoute route(String namespace, String eventSource, String eventName, JsonNode spec, String path) {
    if (spec == null || !spec.isObject()) {
      throw new WebhookSpecException(path, "must be an object with endpoint, method and port, got " + type(spec));
    }
    String endpoint = requiredText(spec, "endpoint", path);
    if (!endpoint.startsWith("/")) {
      throw new WebhookSpecException(path + ".endpoint", "must start with '/', got '" + endpoint + "'");
    }
    String method = requiredText(spec, "method", path).toUpperCase(Locale.ROOT);
    int port = port(spec.get("port"), path + ".port");
    long maxPayload = maxPayloadSize(spec.get("maxPayloadSize"), path + ".maxPayloadSize");
    return new WebhookRoute(namespace, eventSource, eventName, endpoint, method, port, maxPayload,
        metadata(spec.get("metadata"), path + ".metadata"), filter(spec.get("filter"), path + ".filter"),
        secret(spec.get("authSecret"), path + ".authSecret", namespace), PlainWebhookReceiver.INSTANCE,
        tls(spec, path, namespace));
  }

  /** {@code serverCertSecret} and {@code serverKeySecret}: both or neither, each a PEM in a secret. */
  private WebhookTls tls(JsonNode spec, String path, String namespace) {
    boolean cert = spec.hasNonNull("serverCertSecret");
    boolean key = spec.hasNonNull("serverKeySecret");
    if (cert != key) {
      String missing = cert ? "serverKeySecret" : "serverCertSecret";
      throw new WebhookSpecException(path + "." + missing, "is required when "
          + (cert ? "serverCertSecret" : "serverKeySecret") + " is set: HTTPS needs both the certificate and its key");
    }
    if (!cert) {
      return null;
    }
    String certPem = secret(spec.get("serverCertSecret"), path + ".serverCertSecret", namespace);
    String keyPem = secret(spec.get("serverKeySecret"), path + ".serverKeySecret", namespace);
    try {
      PemSslContext.checkKeyPair(certPem, path + ".serverCertSecret", keyPem, path + ".serverKeySecret");
    } catch (TlsMaterialException e) {
      throw new WebhookSpecException(e.path(), e.problem());
    }
    return new WebhookTls(certPem, keyPem, path + ".serverCertSecret");
  }

  private static String requiredText(JsonNode spec, String field, String path) {
    JsonNode value = spec.get(field);
    if (value == null || value.isNull() || (value.isTextual() && value.asText().isBlank())) {
      throw new WebhookSpecException(path + "." + field, "is required");
    }
    if (!value.isTextual()) {
      throw new WebhookSpecException(path + "." + field, "must be a string, got " + type(value));
    }
    return value.asText().trim();
  }

  /** Argo writes the port as a string ({@code "12000"}); a YAML number is accepted too. */
  private static int port(JsonNode value, String path) {
    if (value == null || value.isNull()) {
      throw new WebhookSpecException(path, "is required");
    }
    long port = number(value, path);
    if (port < 1 || port > 65535) {
      throw new WebhookSpecException(path, "must be between 1 and 65535, got " + port);
    }
    return (int) port;
  }

  private static long maxPayloadSize(JsonNode value, String path) {
    if (value == null || value.isNull()) {
      return WebhookRoute.DEFAULT_MAX_PAYLOAD_SIZE;
    }
    long size = number(value, path);
    if (size <= 0) {
      throw new WebhookSpecException(path, "must be a positive number of bytes, got " + size);
    }
    return size;
  }

  private static long number(JsonNode value, String path) {
    if (value.isIntegralNumber() && value.canConvertToLong()) {
      return value.asLong();
    }
    if (value.isTextual()) {
      try {
        return Long.parseLong(value.asText().trim());
      } catch (NumberFormatException e) {
        // reported below with the value
      }
    }
    throw new WebhookSpecException(path, "must be a number, got " + (value.isTextual() ? "'" + value.asText() + "'" : type(value)));
  }

  /** {@code metadata}: a map of strings, empty when absent. */
  public static Map<String, String> metadata(JsonNode value, String path) {
    if (value == null || value.isNull()) {
      return Map.of();
    }
    if (!value.isObject()) {
      throw new WebhookSpecException(path, "must be a map of strings, got " + type(value));
    }
    Map<String, String> metadata = new LinkedHashMap<>();
    value.fields().forEachRemaining(e -> {
      if (!e.getValue().isValueNode() || e.getValue().isNull()) {
        throw new WebhookSpecException(path + "." + e.getKey(), "must be a string, got " + type(e.getValue()));
      }
      metadata.put(e.getKey(), e.getValue().asText());
    });
    return metadata;
  }

  /** {@code filter: {expression}}, compiled; null when absent or blank. */
  public static EventFilter filter(JsonNode value, String path) {
    if (value == null || value.isNull()) {
      return null;
    }
    JsonNode expression = value.get("expression");
    if (expression == null || expression.isNull() || expression.asText().isBlank()) {
      return null;
    }
    if (!expression.isTextual()) {
      throw new WebhookSpecException(path + ".expression", "must be a string, got " + type(expression));
    }
    try {
      return EventFilter.compile(expression.asText());
    } catch (ExprException e) {
      throw new WebhookSpecException(path + ".expression", "does not compile: " + e.getMessage());
    }
  }

  /** A secret named as {@code {name, key}}, resolved and trimmed; null when the field is absent. */
  public String secret(JsonNode value, String path, String namespace) {
    if (value == null || value.isNull()) {
      return null;
    }
    if (!value.isObject() || !value.path("name").isTextual() || !value.path("key").isTextual()) {
      throw new WebhookSpecException(path, "must name a secret as {name, key}");
    }
    String name = value.get("name").asText();
    String key = value.get("key").asText();
    String token = secrets.resolve(namespace, name, key);
    if (token == null || token.isBlank()) {
      throw new WebhookSpecException(path, "secret '" + name + "' has no key '" + key + "' (or it is empty)");
    }
    return token.trim();
  }

  static String type(JsonNode value) {
    return value == null ? "nothing" : value.getNodeType().toString().toLowerCase(Locale.ROOT);
  }
}
