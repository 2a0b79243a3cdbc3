package io.quargo.eventsource.redis;

import com.fasterxml.jackson.databind.JsonNode;
import io.quargo.eventsource.spec.EventSourceSpecException;
import io.quargo.eventsource.spec.SpecFields;
import io.quargo.core.secret.SecretResolver;
import io.quargo.eventsource.tls.TlsSpec;

/**
 * Where and as whom to reach Redis, from the fields {@code redis} and {@code redisStream} share:
 * {@code hostAddress} ({@code host:port}), {@code db}, {@code username}, {@code password} (a secret), {@code tls}.
 *
 * @param tls null for a plain connection
 */
public record RedisEndpoint(String host, int port, int db, String username, String password, TlsSpec tls) {
  static final int DEFAULT_PORT = 6379;

  /** A plain connection. */
  public RedisEndpoint(String host, int port, int db, String username, String password) {
    this(host, port, db, username, password, null);
  }

  static RedisEndpoint parse(JsonNode spec, String path, SecretResolver secrets, String namespace) {
    String address = SpecFields.requiredText(spec, "hostAddress", path);
    int colon = address.lastIndexOf(':');
    String host = colon < 0 ? address : address.substring(0, colon);
    int port = DEFAULT_PORT;
    if (colon >= 0) {
      String portText = address.substring(colon + 1);
      if (!portText.matches("\\d{1,5}") || Integer.parseInt(portText) < 1 || Integer.parseInt(portText) > 65535) {
        throw new EventSourceSpecException(path + ".hostAddress", "must be host:port with a port from 1 to 65535, got '"
            + address + "'");
      }
      port = Integer.parseInt(portText);
    }
    if (host.isBlank()) {
      throw new EventSourceSpecException(path + ".hostAddress", "must be host:port, got '" + address + "'");
    }
    int db = (int) SpecFields.integer(spec, "db", path, 0, 0, 65535);
    String username = SpecFields.optionalText(spec, "username", path);
    String password = SpecFields.secret(spec, "password", path, secrets, namespace);
    return new RedisEndpoint(host, port, db, username == null || username.isBlank() ? null : username, password,
        TlsSpec.read(spec, path, secrets, namespace));
  }

  public String address() {
    return (tls == null ? "" : "tls ") + host + ":" + port + "/" + db;
  }

  @Override
  public String toString() {
    return address() + (password == null ? "" : " (password set)");
  }
}
