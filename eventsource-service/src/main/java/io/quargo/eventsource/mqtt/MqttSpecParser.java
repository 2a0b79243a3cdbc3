package io.quargo.eventsource.mqtt;

import com.fasterxml.jackson.databind.JsonNode;
import io.quargo.core.resource.Resource;
import io.quargo.eventsource.amqp.ConnectionBackoff;
import io.quargo.eventsource.spec.EventSourceSpecException;
import io.quargo.eventsource.spec.SpecFields;
import io.quargo.core.secret.SecretResolver;
import io.quargo.eventsource.tls.TlsSpec;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads {@code spec.mqtt} into {@link MqttSource}s with Argo's validation ({@code url}, {@code topic} and
 * {@code clientId} required; {@code tls}); errors name the JSON path, e.g. {@code spec.mqtt.example.clientId: is required}.
 */
public final class MqttSpecParser {
  static final int DEFAULT_PORT = 1883;
  static final int DEFAULT_TLS_PORT = 8883;
  /** paho's schemes that dial TLS. */
  private static final List<String> TLS_SCHEMES = List.of("ssl", "tls", "mqtts", "mqtt+ssl", "tcps");

  private final SecretResolver secrets;

  public MqttSpecParser(SecretResolver secrets) {
    this.secrets = secrets;
  }

  public List<MqttSource> parse(Resource eventSource) {
    List<MqttSource> sources = new ArrayList<>();
    SpecFields.entries(eventSource, "mqtt").forEach((name, spec) -> sources.add(
        source(SpecFields.namespace(eventSource), eventSource.name(), name, spec, "spec.mqtt." + name)));
    return sources;
  }

  MqttSource source(String namespace, String eventSource, String eventName, JsonNode spec, String path) {
    URI url = url(SpecFields.requiredText(spec, "url", path), path + ".url");
    String topic = SpecFields.requiredText(spec, "topic", path);
    if (topic.contains("#") && !topic.endsWith("#")) {
      throw new EventSourceSpecException(path + ".topic", "'#' is only allowed as the last level, got '" + topic + "'");
    }
    String clientId = SpecFields.requiredText(spec, "clientId", path);
    JsonNode auth = spec.get("auth");
    String username = null;
    String password = null;
    if (auth != null && !auth.isNull()) {
      username = SpecFields.secret(auth, "username", path + ".auth", secrets, namespace);
      password = SpecFields.secret(auth, "password", path + ".auth", secrets, namespace);
      if (username == null) {
        throw new EventSourceSpecException(path + ".auth.username", "is required when auth is given");
      }
    }
    TlsSpec tls = TlsSpec.read(spec, path, secrets, namespace);
    // paho ignores tls under tcp:// and connects in plain text; a tls block asks for TLS, so we use it
    boolean useTls = tls != null || TLS_SCHEMES.contains(url.getScheme());
    int port = url.getPort() > 0 ? url.getPort() : useTls ? DEFAULT_TLS_PORT : DEFAULT_PORT;
    return new MqttSource(namespace, eventSource, eventName, url.getHost(), port, useTls, tls, topic, clientId,
        SpecFields.bool(spec, "jsonBody", path, false), username, password, ConnectionBackoff.parse(spec, path),
        SpecFields.metadata(spec, path), SpecFields.filter(spec, path));
  }

  /** paho's forms: {@code tcp://host:port} (and {@code mqtt://}), TLS {@code ssl://host:port} and its aliases. */
  private static URI url(String text, String path) {
    URI uri;
    try {
      uri = URI.create(text);
    } catch (IllegalArgumentException e) {
      throw new EventSourceSpecException(path, "must be a URL like tcp://mqtt:1883, got '" + text + "'");
    }
    String scheme = uri.getScheme() == null ? "" : uri.getScheme();
    if (List.of("ws", "wss").contains(scheme)) {
      throw new EventSourceSpecException(path, "MQTT over websockets (" + scheme + "://) is not supported yet; use"
          + " tcp://host:1883 or ssl://host:8883");
    }
    if (!(List.of("tcp", "mqtt").contains(scheme) || TLS_SCHEMES.contains(scheme)) || uri.getHost() == null) {
      throw new EventSourceSpecException(path, "must be a URL like tcp://mqtt:1883, got '" + text + "'");
    }
    return uri;
  }
}
