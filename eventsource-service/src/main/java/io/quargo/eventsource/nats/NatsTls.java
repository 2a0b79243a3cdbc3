package io.quargo.eventsource.nats;

/**
 * Argo's {@code TLSConfig} of a nats source with its secrets read: PEM text, or null when not set.
 *
 * @param path where in the resource, for messages ({@code spec.nats.example.tls})
 */
public record NatsTls(String path, String caCert, String clientCert, String clientKey, boolean insecureSkipVerify) {
  @Override
  public String toString() {
    return "tls(ca=" + (caCert != null) + ", client=" + (clientCert != null) + ", insecure=" + insecureSkipVerify + ")";
  }
}
