package io.quargo.eventsource.webhook;

/**
 * The certificate and key a webhook port serves HTTPS with, read from {@code serverCertSecret} and
 * {@code serverKeySecret} (PEM, as Argo reads them). Never printed.
 *
 * @param certPem the certificate chain, PEM
 * @param keyPem the private key, PEM (PKCS#8 or PKCS#1)
 * @param where the JSON path of {@code serverCertSecret}, for messages
 */
public record WebhookTls(String certPem, String keyPem, String where) {
  /** The same certificate and key: routes sharing a port must agree on these. */
  boolean sameAs(WebhookTls other) {
    return other != null && certPem.equals(other.certPem) && keyPem.equals(other.keyPem);
  }

  @Override
  public String toString() {
    return "WebhookTls[" + where + "]";
  }
}
