/**
 * TLS from PEM texts, shared by EventSources and triggers: {@link io.quargo.core.tls.TlsMaterial} is Argo's
 * {@code tls} block with its secrets read (caCertSecret, clientCertSecret, clientKeySecret, insecureSkipVerify);
 * {@link io.quargo.core.tls.PemSslContext} turns it into an {@link javax.net.ssl.SSLContext} or trust and key
 * manager factories, checking that a key belongs to its certificate; {@link io.quargo.core.tls.TlsFailure} explains
 * a failed handshake by field. No I/O: the texts come from the caller.
 */
package io.quargo.core.tls;
