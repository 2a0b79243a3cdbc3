package io.quargo.eventsource.mqtt;

import io.quargo.eventsource.amqp.ConnectionBackoff;
import io.quargo.eventsource.tls.TlsSpec;
import io.quargo.eventsource.webhook.EventFilter;
import java.util.Map;

/**
 * One entry of {@code spec.mqtt}: the broker ({@code url} split into host and port), {@code topic} (a filter,
 * wildcards allowed), {@code clientId} (also the name of the broker-side session that keeps unacknowledged
 * messages), {@code auth}, {@code jsonBody}, {@code connectionBackoff}, {@code metadata}, {@code filter}.
 *
 * @param useTls from an {@code ssl://}-like scheme or a {@code tls} block
 * @param tls    the {@code tls} block, or null (then the JVM's default CAs when {@code useTls})
 */
public record MqttSource(
    String namespace, String eventSource, String eventName, String host, int port, boolean useTls, TlsSpec tls,
    String topic, String clientId, boolean jsonBody, String username, String password,
    ConnectionBackoff connectionBackoff, Map<String, String> metadata, EventFilter filter) {

  public String address() {
    return (useTls ? "ssl://" : "tcp://") + host + ":" + port;
  }

  @Override
  public String toString() {
    return "mqtt/" + eventName + " " + address() + " topic " + topic + " client " + clientId
        + (tls == null ? "" : " " + tls);
  }
}
