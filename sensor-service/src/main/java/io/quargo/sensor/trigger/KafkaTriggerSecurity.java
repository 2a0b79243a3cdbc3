package io.quargo.sensor.trigger;

import com.fasterxml.jackson.databind.JsonNode;
import io.quargo.core.secret.SecretResolver;
import io.quargo.core.tls.KafkaClientSecurity;
import io.quargo.core.tls.TlsFailure;
import io.quargo.core.tls.TlsMaterial;
import io.quargo.core.tls.TlsMaterialException;
import io.quargo.sensor.spec.Sensor;
import io.quargo.sensor.spec.SensorSpecException;
import java.util.Locale;
import java.util.Map;
import org.apache.kafka.common.errors.SaslAuthenticationException;

/**
 * The kafka trigger's {@code tls} ({@code caCertSecret}, {@code clientCertSecret}, {@code clientKeySecret}) and
 * {@code sasl} ({@code mechanism} PLAIN or SCRAM-SHA-256/512, {@code userSecret}, {@code passwordSecret}), as the
 * kafka source reads them: the shape checked when the Sensor starts, the secrets read when a producer is made.
 */
final class KafkaTriggerSecurity {
  private KafkaTriggerSecurity() {}

  static void validate(JsonNode spec, String where) {
    JsonNode tls = spec.get("tls");
    if (tls != null && !tls.isNull()) {
      TriggerTls.validate(spec, where);
      if (tls.path("insecureSkipVerify").asBoolean(false)) {
        throw new SensorSpecException(where + ".tls.insecureSkipVerify", "is not supported for kafka: give the"
            + " broker's CA as caCertSecret instead");
      }
    }
    JsonNode sasl = spec.get("sasl");
    if (sasl == null || sasl.isNull()) {
      return;
    }
    String at = where + ".sasl";
    if (!sasl.isObject()) {
      throw new SensorSpecException(at, "must be an object {mechanism, userSecret, passwordSecret}");
    }
    if (!KafkaClientSecurity.MECHANISMS.contains(mechanism(sasl))) {
      throw new SensorSpecException(at + ".mechanism", "must be PLAIN, SCRAM-SHA-256 or SCRAM-SHA-512, got '"
          + sasl.path("mechanism").asText() + "'");
    }
    if (!sasl.hasNonNull("userSecret") || !sasl.hasNonNull("passwordSecret")) {
      throw new SensorSpecException(at, "needs userSecret and passwordSecret");
    }
  }

  /** Adds the client properties of a validated spec; the TLS material read, or null without {@code tls}. */
  static TlsMaterial apply(SecretResolver secrets, Sensor sensor, JsonNode spec, String where,
      Map<String, String> props) {
    TlsMaterial tls = TriggerTls.read(secrets, sensor, spec, where);
    if (tls != null) {
      try {
        KafkaClientSecurity.tls(props, tls.caCert(), tls.clientCert(), tls.clientKey(), tls.path() + ".clientKeySecret");
      } catch (TlsMaterialException e) {
        throw TriggerFailure.permanent(e.getMessage());
      }
    }
    JsonNode sasl = spec.get("sasl");
    boolean hasSasl = sasl != null && !sasl.isNull();
    if (hasSasl) {
      String at = where + ".sasl";
      KafkaClientSecurity.sasl(props, mechanism(sasl),
          Secrets.read(secrets, sensor, sasl.path("userSecret"), at + ".userSecret"),
          Secrets.read(secrets, sensor, sasl.path("passwordSecret"), at + ".passwordSecret"));
    }
    KafkaClientSecurity.protocol(props, tls != null, hasSasl);
    return tls;
  }

  /** Why a send failed, naming the field to check when the broker refused our TLS or SASL credentials. */
  static String explain(Throwable error, TlsMaterial tls, String where, String url) {
    for (Throwable t = error; t != null; t = t.getCause() == t ? null : t.getCause()) {
      if (t instanceof SaslAuthenticationException) {
        return t.getMessage() + " (check " + where + ".sasl: mechanism, userSecret and passwordSecret)";
      }
    }
    return tls != null ? TlsFailure.describe(error, tls, url) : String.valueOf(error);
  }

  private static String mechanism(JsonNode sasl) {
    return sasl.path("mechanism").asText("PLAIN").toUpperCase(Locale.ROOT);
  }
}
