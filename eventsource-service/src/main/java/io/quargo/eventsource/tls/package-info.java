/**
 * Argo's {@code tls} block ({@code TLSConfig}) as every message-queue source reads it: {@link
 * io.quargo.eventsource.tls.TlsSpec} reads {@code caCertSecret}, {@code clientCertSecret}, {@code clientKeySecret}
 * (PEM, through the {@link io.quargo.core.secret.SecretResolver}) and {@code insecureSkipVerify};
 * {@link io.quargo.core.tls.PemSslContext} turns them into an {@link javax.net.ssl.SSLContext} or trust and
 * key manager factories; {@link io.quargo.core.tls.TlsFailure} explains a failed handshake by field.
 * Used by the nats, amqp, mqtt, redis and redisStream sources.
 *
 * <p>As Argo: at least one secret or {@code insecureSkipVerify} is required; a client certificate needs its key.
 * Ours: {@code insecureSkipVerify} still sends the client certificate (Argo then drops it); the server's host name
 * is verified against its certificate unless {@code insecureSkipVerify}; the removed file-path forms
 * ({@code caCertPath}, {@code clientCertPath}, {@code clientKeyPath}) are refused naming the secret field to use.
 */
package io.quargo.eventsource.tls;
