package io.quargo.sensor.trigger;

import com.fasterxml.jackson.databind.JsonNode;
import io.quargo.core.secret.SecretResolver;
import io.quargo.core.tls.PemSslContext;
import io.quargo.core.tls.TlsBlock;
import io.quargo.core.tls.TlsMaterial;
import io.quargo.core.tls.TlsMaterialException;
import io.quargo.sensor.spec.SensorSpecException;
import io.quargo.sensor.spec.Sensor;
import javax.net.ssl.SSLContext;

/**
 * A trigger's {@code tls} block (Argo's {@code TLSConfig}: {@code caCertSecret}, {@code clientCertSecret},
 * {@code clientKeySecret}, {@code insecureSkipVerify}) for the http and nats triggers. Its shape is checked when the
 * Sensor starts; the secrets are read at each firing, as every other trigger secret, so a rotated certificate is
 * used from the next firing on.
 */
final class TriggerTls {
  private TriggerTls() {}

  /** Refuses a block that can never work, when the Sensor starts: not an object, a removed field, a bad flag. */
  static void validate(JsonNode typeSpec, String where) {
    JsonNode tls = typeSpec.get("tls");
    if (tls == null || tls.isNull()) {
      return;
    }
    String at = where + ".tls";
    if (!tls.isObject()) {
      throw new SensorSpecException(at, "must be an object {caCertSecret, clientCertSecret, clientKeySecret,"
          + " insecureSkipVerify}");
    }
    JsonNode insecure = tls.get("insecureSkipVerify");
    try {
      TlsBlock.refuseRemovedFields(tls, at);
      if (insecure != null && !insecure.isNull() && !insecure.isBoolean()) {
        throw new SensorSpecException(at + ".insecureSkipVerify", "must be true or false, got " + insecure);
      }
      TlsBlock.checkSecrets(tls.hasNonNull("caCertSecret"), tls.hasNonNull("clientCertSecret"),
          tls.hasNonNull("clientKeySecret"), insecure != null && insecure.asBoolean(), at);
    } catch (TlsMaterialException e) {
      throw new SensorSpecException(e.path(), e.problem());
    }
  }

  /** The block with its secrets read, or null without one (a validated spec). */
  static TlsMaterial read(SecretResolver secrets, Sensor sensor, JsonNode typeSpec, String where) {
    JsonNode tls = typeSpec.get("tls");
    if (tls == null || tls.isNull()) {
      return null;
    }
    String at = where + ".tls";
    return TlsMaterial.of(at, pem(secrets, sensor, tls, "caCertSecret", at),
        pem(secrets, sensor, tls, "clientCertSecret", at), pem(secrets, sensor, tls, "clientKeySecret", at),
        tls.path("insecureSkipVerify").asBoolean(false));
  }

  /** An SSL context for the material; PEM that does not parse, or a key not of its certificate, is permanent. */
  static SSLContext sslContext(TlsMaterial tls) {
    try {
      return PemSslContext.create(tls);
    } catch (TlsMaterialException e) {
      throw TriggerFailure.permanent(e.getMessage());
    }
  }

  private static String pem(SecretResolver secrets, Sensor sensor, JsonNode tls, String field, String at) {
    JsonNode ref = tls.get(field);
    return ref == null || ref.isNull() ? null : Secrets.read(secrets, sensor, ref, at + "." + field);
  }
}
