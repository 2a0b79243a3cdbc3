/**
 * The amqp EventSource ({@code spec.amqp}, RabbitMQ): {@link io.quargo.eventsource.amqp.AmqpSpecParser} reads the
 * spec into {@link io.quargo.eventsource.amqp.AmqpSource}s and {@link io.quargo.eventsource.amqp.AmqpAdapter}
 * consumes each one onto the bus as an {@code amqp} CloudEvent.
 *
 * <p>As Argo: {@code url} or {@code urlSecret}, {@code exchangeName}/{@code exchangeType}/{@code routingKey},
 * {@code auth} (basic), {@code jsonBody}, {@code metadata}, {@code filter}, {@code connectionBackoff}; the
 * {@code exchangeDeclare}, {@code queueDeclare} (with {@code arguments} as a YAML table string) and
 * {@code queueBind} blocks with Argo's defaults (durable exchange; server-named exclusive queue); {@code data} is
 * Argo's {@code AMQPEventData}: every message property, {@code timestamp} as Go's {@code time.String()},
 * {@code body} raw JSON with {@code jsonBody} and base64 otherwise.
 *
 * <p>Ours: we always consume with manual acknowledgement and ack a delivery only after the bus stored its event;
 * a failed publish is nacked with requeue after a short pause; Argo's default {@code consume.autoAck: true} acked
 * on delivery and lost events (argo-events #1694, #4178), so {@code autoAck} is read and ignored. The event id is
 * derived from the AMQP {@code messageId} when the sender set one, so a redelivered message is deduplicated on
 * the bus; the delivery tag is per channel and not stable, so a message without {@code messageId} that is
 * redelivered after its event was stored (a crash between publish and ack) appears twice. A body that is not
 * JSON under {@code jsonBody} is rejected without requeue (dead-lettered if the queue has a dead-letter
 * exchange); Argo logged and dropped it. {@code exchangeName} is required (the default exchange cannot be
 * declared). Prefetch is {@value io.quargo.eventsource.amqp.AmqpAdapter#PREFETCH}.
 *
 * <p>TLS: under {@code amqps://} or whenever {@code tls} is set ({@link io.quargo.eventsource.tls.TlsSpec}); Argo's
 * client ignores {@code tls} under {@code amqp://} and sends plain text, we do not. The host name is verified
 * unless {@code insecureSkipVerify}; an untrusted certificate fails the start at once, naming the field to fix.
 *
 * <p>Not yet: {@code consume.noWait} is ignored (the
 * Java client has no no-wait consume). {@link io.quargo.eventsource.spec.SpecFields},
 * {@link io.quargo.eventsource.spec.EventSourceSpecException}, {@link io.quargo.eventsource.amqp.ConnectionBackoff}
 * and {@link io.quargo.eventsource.amqp.StableIds} are shared with the mqtt and redis packages and should move to a
 * common package.
 */
package io.quargo.eventsource.amqp;

import io.quargo.eventsource.spec.EventSourceSpecException;
import io.quargo.eventsource.spec.SpecFields;
