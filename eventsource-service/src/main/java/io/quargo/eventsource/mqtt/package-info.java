/**
 * The mqtt EventSource ({@code spec.mqtt}): {@link io.quargo.eventsource.mqtt.MqttSpecParser} reads the spec into
 * {@link io.quargo.eventsource.mqtt.MqttSource}s and {@link io.quargo.eventsource.mqtt.MqttAdapter} subscribes to
 * each one and publishes every message as an {@code mqtt} CloudEvent.
 *
 * <p>As Argo: {@code url}, {@code topic}, {@code clientId} (all required), {@code auth} (basic),
 * {@code jsonBody}, {@code connectionBackoff}, {@code metadata}, {@code filter}; MQTT 3.1.1; {@code data} is
 * {@code {topic, messageId, body, metadata}} with {@code body} raw JSON under {@code jsonBody} and base64
 * otherwise; a payload that is not JSON under {@code jsonBody} is dropped with an error log, as Argo does.
 *
 * <p>Ours: Argo subscribes with QoS 0 in a clean session, so anything sent while it is down or busy is lost. We
 * subscribe with QoS 1 in a persistent session ({@code cleanSession=false}, named by {@code clientId}) and
 * acknowledge a message only after the bus stored its event; while connected a failed publish is retried in
 * memory with the same event id, and a message unacknowledged at disconnect or crash is resent by the broker on
 * the next connect (as long as the broker keeps the session). MQTT has no message id that survives such a
 * resend, so a message whose event was stored just before a crash can appear twice on the bus; there is no
 * stable id to deduplicate it. {@code messageId} is always 0: Argo's is the packet id, 0 under its QoS 0.
 *
 * <p>TLS: under {@code ssl://} ({@code tls://}, {@code mqtts://}, {@code mqtt+ssl://}, {@code tcps://}; port 8883 by
 * default) or whenever {@code tls} is set ({@link io.quargo.eventsource.tls.TlsSpec}); paho ignores {@code tls}
 * under {@code tcp://} and sends plain text, we do not. The host name is verified unless {@code insecureSkipVerify};
 * an untrusted certificate fails the start at once, naming the field to fix.
 *
 * <p>Not yet: websockets ({@code ws://}, {@code wss://}) are refused with a message.
 */
package io.quargo.eventsource.mqtt;
