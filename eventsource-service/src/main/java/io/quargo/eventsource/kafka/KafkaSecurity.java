package io.quargo.eventsource.kafka;

import com.fasterxml.jackson.databind.JsonNode;
import io.quargo.core.tls.KafkaClientSecurity;
import io.quargo.core.tls.TlsMaterialException;
import io.quargo.eventsource.spec.EventSourceSpecException;
import io.quargo.eventsource.spec.SpecFields;
import io.quargo.core.secret.SecretResolver;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * Reads the kafka source's {@code tls} (PEM certificates from secrets) and {@code sasl} (PLAIN or SCRAM, user and
 * password from secrets) with the source's JSON paths; {@link KafkaClientSecurity} turns them into Kafka client
 * properties. Both may be set: SASL over TLS.
 */
final class KafkaSecurity {
  private final SecretResolver secrets;
  private final String namespace;

  KafkaSecurity(SecretResolver secrets, String namespace) {
    this.secrets = secrets;
    this.namespace = namespace;
  }

  Map<String, String> clientProperties(JsonNode spec, String path) {
    Map<String, String> props = new LinkedHashMap<>();
    boolean tls = tls(spec, path, props);
    boolean sasl = sasl(spec, path, props);
    KafkaClientSecurity.protocol(props, tls, sasl);
    return Map.copyOf(props);
  }

  private boolean tls(JsonNode spec, String path, Map<String, String> props) {
    JsonNode tls = spec.get("tls");
    if (tls == null || tls.isNull()) {
      return false;
    }
    String at = path + ".tls";
    if (!tls.isObject()) {
      throw new EventSourceSpecException(at, "must be an object {caCertSecret, clientCertSecret, clientKeySecret}");
    }
    if (SpecFields.bool(tls, "insecureSkipVerify", at, false)) {
      throw new EventSourceSpecException(at + ".insecureSkipVerify", "is not supported: give the broker's CA as "
          + "caCertSecret instead");
    }
    String ca = SpecFields.secret(tls, "caCertSecret", at, secrets, namespace);
    String cert = SpecFields.secret(tls, "clientCertSecret", at, secrets, namespace);
    String key = SpecFields.secret(tls, "clientKeySecret", at, secrets, namespace);
    if ((cert == null) != (key == null)) {
      throw new EventSourceSpecException(at, "clientCertSecret and clientKeySecret go together: give both or neither");
    }
    try {
      KafkaClientSecurity.tls(props, ca, cert, key, at + ".clientKeySecret");
    } catch (TlsMaterialException e) {
      throw new EventSourceSpecException(e.path(), e.problem());
    }
    return true;
  }

  private boolean sasl(JsonNode spec, String path, Map<String, String> props) {
    JsonNode sasl = spec.get("sasl");
    if (sasl == null || sasl.isNull()) {
      return false;
    }
    String at = path + ".sasl";
    if (!sasl.isObject()) {
      throw new EventSourceSpecException(at, "must be an object {mechanism, userSecret, passwordSecret}");
    }
    String mechanism = SpecFields.text(sasl, "mechanism", at);
    mechanism = mechanism == null ? "PLAIN" : mechanism.toUpperCase(Locale.ROOT);
    if (!KafkaClientSecurity.MECHANISMS.contains(mechanism)) {
      throw new EventSourceSpecException(at + ".mechanism", "must be PLAIN, SCRAM-SHA-256 or SCRAM-SHA-512, got '"
          + mechanism + "'");
    }
    String user = SpecFields.secret(sasl, "userSecret", at, secrets, namespace);
    String password = SpecFields.secret(sasl, "passwordSecret", at, secrets, namespace);
    if (user == null || password == null) {
      throw new EventSourceSpecException(at, "needs userSecret and passwordSecret");
    }
    KafkaClientSecurity.sasl(props, mechanism, user, password);
    return true;
  }
}
