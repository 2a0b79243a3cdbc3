package io.quargo.eventsource.kafka;

import com.fasterxml.jackson.databind.JsonNode;
import io.quargo.core.tls.PemSslContext;
import io.quargo.eventsource.spec.EventSourceSpecException;
import io.quargo.eventsource.spec.SpecFields;
import io.quargo.core.secret.SecretResolver;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Turns {@code tls} (PEM certificates from secrets) and {@code sasl} (PLAIN or SCRAM, user and password from
 * secrets) into Kafka client properties. Both may be set: SASL over TLS.
 */
final class KafkaSecurity {
  private static final Pattern PKCS1_RSA = Pattern.compile("-----BEGIN RSA PRIVATE KEY-----([^-]+)-----END");

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
    if (tls || sasl) {
      props.put("security.protocol", sasl ? (tls ? "SASL_SSL" : "SASL_PLAINTEXT") : "SSL");
    }
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
    if (ca != null) {
      props.put("ssl.truststore.type", "PEM");
      props.put("ssl.truststore.certificates", ca);
    }
    if (cert != null) {
      props.put("ssl.keystore.type", "PEM");
      props.put("ssl.keystore.certificate.chain", cert);
      props.put("ssl.keystore.key", pkcs8(key, at + ".clientKeySecret"));
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
    String module = switch (mechanism) {
      case "PLAIN" -> "org.apache.kafka.common.security.plain.PlainLoginModule";
      case "SCRAM-SHA-256", "SCRAM-SHA-512" -> "org.apache.kafka.common.security.scram.ScramLoginModule";
      default -> throw new EventSourceSpecException(at + ".mechanism", "must be PLAIN, SCRAM-SHA-256 or "
          + "SCRAM-SHA-512, got '" + mechanism + "'");
    };
    String user = SpecFields.secret(sasl, "userSecret", at, secrets, namespace);
    String password = SpecFields.secret(sasl, "passwordSecret", at, secrets, namespace);
    if (user == null || password == null) {
      throw new EventSourceSpecException(at, "needs userSecret and passwordSecret");
    }
    props.put("sasl.mechanism", mechanism);
    props.put("sasl.jaas.config", module + " required username=\"" + jaas(user) + "\" password=\"" + jaas(password)
        + "\";");
    return true;
  }

  /**
   * The Kafka client reads PKCS#8 keys only; Go's tls package (Argo) also reads PKCS#1 RSA keys, which e.g.
   * cert-manager writes by default, so those are rewrapped. SEC1 EC keys get an error saying how to convert.
   */
  static String pkcs8(String pem, String path) {
    if (pem.contains("-----BEGIN EC PRIVATE KEY-----")) {
      throw new EventSourceSpecException(path, "SEC1 EC keys are not read; convert with: openssl pkcs8 -topk8 "
          + "-nocrypt -in key.pem");
    }
    Matcher m = PKCS1_RSA.matcher(pem);
    if (!m.find()) {
      return pem;
    }
    byte[] der = Base64.getMimeDecoder().decode(m.group(1).trim());
    return "-----BEGIN PRIVATE KEY-----\n" + Base64.getMimeEncoder(64, new byte[] {'\n'})
        .encodeToString(PemSslContext.rsaToPkcs8(der)) + "\n-----END PRIVATE KEY-----\n";
  }

  private static String jaas(String value) {
    return value.replace("\\", "\\\\").replace("\"", "\\\"");
  }
}
