package io.quargo.eventsource.tls;

import com.fasterxml.jackson.databind.JsonNode;
import io.quargo.eventsource.spec.EventSourceSpecException;
import io.quargo.eventsource.spec.SpecFields;
import io.quargo.core.secret.SecretResolver;
import io.quargo.core.tls.TlsBlock;
import io.quargo.core.tls.TlsMaterial;
import io.quargo.core.tls.TlsMaterialException;

/**
 * Argo's {@code TLSConfig} of a source with its secrets read: PEM text, or null when not set (turned into TLS by
 * {@link io.quargo.core.tls.PemSslContext}).
 *
 * @param path where in the resource, for messages ({@code spec.nats.example.tls})
 */
public record TlsSpec(String path, String caCert, String clientCert, String clientKey, boolean insecureSkipVerify)
    implements TlsMaterial {
  /**
   * {@code <path>.tls}, or null when absent. As Argo: at least one secret or {@code insecureSkipVerify} must be
   * set, and a client certificate needs its key.
   */
  public static TlsSpec read(JsonNode spec, String path, SecretResolver secrets, String namespace) {
    JsonNode tls = spec.get("tls");
    String at = path + ".tls";
    if (tls == null || tls.isNull()) {
      return null;
    }
    if (!tls.isObject()) {
      throw new EventSourceSpecException(at, "must be an object {caCertSecret, clientCertSecret, clientKeySecret,"
          + " insecureSkipVerify}, got " + SpecFields.type(tls));
    }
    try {
      TlsBlock.refuseRemovedFields(tls, at);
    } catch (TlsMaterialException e) {
      throw new EventSourceSpecException(e.path(), e.problem());
    }
    String ca = pem(tls, "caCertSecret", at, secrets, namespace);
    String cert = pem(tls, "clientCertSecret", at, secrets, namespace);
    String key = pem(tls, "clientKeySecret", at, secrets, namespace);
    boolean insecure = SpecFields.bool(tls, "insecureSkipVerify", at);
    try {
      TlsBlock.checkSecrets(ca != null, cert != null, key != null, insecure, at);
    } catch (TlsMaterialException e) {
      throw new EventSourceSpecException(e.path(), e.problem());
    }
    return new TlsSpec(at, ca, cert, key, insecure);
  }

  private static String pem(JsonNode tls, String field, String path, SecretResolver secrets, String namespace) {
    String value = SpecFields.secret(tls, field, path, secrets, namespace);
    if (value != null && value.isBlank()) {
      throw new EventSourceSpecException(path + "." + field, "the secret's key is empty; it must hold PEM text");
    }
    return value;
  }

  @Override
  public String toString() {
    return "tls(ca=" + (caCert != null) + ", client=" + (clientCert != null) + ", insecure=" + insecureSkipVerify + ")";
  }
}
