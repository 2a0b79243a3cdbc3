/**
 * The nats EventSource ({@code spec.nats}): {@link io.quargo.eventsource.nats.NatsSpecParser} reads each entry into a
 * {@link io.quargo.eventsource.nats.NatsSpec}; a {@link io.quargo.eventsource.nats.NatsAdapter} connects to the
 * upstream server and publishes each message as a {@code nats} event.
 *
 * <p>As Argo: {@code url}, {@code subject}, optional {@code queue} group, {@code jsonBody}, {@code metadata},
 * {@code filter}, {@code connectionBackoff} for the first connection, {@code auth} with one of {@code basic},
 * {@code token}, {@code nkey} (a seed) or {@code credential} (a creds file), read through a
 * {@link io.quargo.core.secret.SecretResolver}; {@code tls} with PEM {@code caCertSecret},
 * {@code clientCertSecret}, {@code clientKeySecret} (PKCS#8 or PKCS#1 RSA keys; SEC1 EC keys are refused with the
 * openssl command that converts them) and {@code insecureSkipVerify}. {@code data = {subject, body, header, metadata}}: body is the
 * message's JSON with {@code jsonBody}, else its bytes base64-encoded.
 *
 * <p>Ours: {@code jetStream: {stream, durableName, deliverPolicy, ackWait}} consumes a JetStream stream through a
 * durable pull consumer (Argo has none, issue #3160): a message is acked upstream only after our bus acknowledged
 * its event, nak'ed with backoff otherwise, and its event id is
 * {@code <namespace>:<eventSource>:<eventName>:<stream>:<sequence>}, so a redelivery is dropped by the bus's
 * duplicate window. With core subjects a message our bus refused is held in memory and retried under one id
 * (Argo drops it); messages sent while the source is down are lost, as core NATS cannot replay them. A non-JSON
 * body under {@code jsonBody} is kept as a string (Argo drops the event). {@code header} is left out when the
 * message has no headers (Argo writes null), {@code metadata} when empty.
 *
 * <p>Not yet: leader election (a queue group or the shared
 * durable consumer spreads work over replicas instead), ordering after a failed publish (a nak'ed message may be
 * stored after later ones).
 */
package io.quargo.eventsource.nats;
