package io.quargo.core.tls;

/**
 * Argo's {@code tls} block ({@code TLSConfig}) with its secrets read: PEM texts, or null where not set. EventSources
 * and triggers each read the block their own way (their own JSON paths and errors) and hand this to
 * {@link PemSslContext}.
 */
public interface TlsMaterial {
  /** Where the block sits in its resource, for messages ({@code spec.nats.example.tls}). */
  String path();

  String caCert();

  String clientCert();

  String clientKey();

  boolean insecureSkipVerify();

  static TlsMaterial of(String path, String caCert, String clientCert, String clientKey, boolean insecureSkipVerify) {
    return new Pem(path, caCert, clientCert, clientKey, insecureSkipVerify);
  }

  /** The plain holder; {@code equals} compares the texts, so equal material can share one client. */
  record Pem(String path, String caCert, String clientCert, String clientKey, boolean insecureSkipVerify)
      implements TlsMaterial {
    @Override
    public String toString() {
      return "tls(ca=" + (caCert != null) + ", client=" + (clientCert != null) + ", insecure=" + insecureSkipVerify
          + ")";
    }
  }
}
