package io.quargo.core.tls;

import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Kafka client properties for Argo's kafka {@code tls} (PEM texts) and {@code sasl} (PLAIN or SCRAM with a user
 * and password), shared by the kafka source and the kafka trigger; each reads its block and its secrets its own
 * way and hands the texts here. Both may be set: SASL over TLS.
 */
public final class KafkaClientSecurity {
  /** The mechanisms Argo's sarama client and the Java client both speak. */
  public static final List<String> MECHANISMS = List.of("PLAIN", "SCRAM-SHA-256", "SCRAM-SHA-512");
  private static final Pattern PKCS1_RSA = Pattern.compile("-----BEGIN RSA PRIVATE KEY-----([^-]+)-----END");

  private KafkaClientSecurity() {}

  /**
   * Trust {@code caPem} (null: the JVM's CAs) and present {@code certPem} with {@code keyPem} (both null: no client
   * certificate).
   *
   * @throws TlsMaterialException at {@code keyPath} for a key the Kafka client cannot read
   */
  public static void tls(Map<String, String> props, String caPem, String certPem, String keyPem, String keyPath) {
    if (caPem != null) {
      props.put("ssl.truststore.type", "PEM");
      props.put("ssl.truststore.certificates", caPem);
    }
    if (certPem != null) {
      props.put("ssl.keystore.type", "PEM");
      props.put("ssl.keystore.certificate.chain", certPem);
      props.put("ssl.keystore.key", pkcs8(keyPem, keyPath));
    }
  }

  /** {@code mechanism} is one of {@link #MECHANISMS} (upper case). */
  public static void sasl(Map<String, String> props, String mechanism, String user, String password) {
    String module = mechanism.equals("PLAIN") ? "org.apache.kafka.common.security.plain.PlainLoginModule"
        : "org.apache.kafka.common.security.scram.ScramLoginModule";
    props.put("sasl.mechanism", mechanism);
    props.put("sasl.jaas.config", module + " required username=\"" + jaas(user) + "\" password=\"" + jaas(password)
        + "\";");
  }

  /** The security.protocol the blocks set add up to; nothing when neither is set. */
  public static void protocol(Map<String, String> props, boolean tls, boolean sasl) {
    if (tls || sasl) {
      props.put("security.protocol", sasl ? (tls ? "SASL_SSL" : "SASL_PLAINTEXT") : "SSL");
    }
  }

  /**
   * The Kafka client reads PKCS#8 keys only; Go's tls package (Argo) also reads PKCS#1 RSA keys, which e.g.
   * cert-manager writes by default, so those are rewrapped. SEC1 EC keys get an error saying how to convert.
   */
  static String pkcs8(String pem, String path) {
    if (pem.contains("-----BEGIN EC PRIVATE KEY-----")) {
      throw new TlsMaterialException(path, "SEC1 EC keys are not read; convert with: openssl pkcs8 -topk8 "
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
