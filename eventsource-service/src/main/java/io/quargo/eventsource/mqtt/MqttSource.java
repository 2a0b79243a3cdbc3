package io.quargo.eventsource.mqtt;

import io.quargo.eventsource.amqp.ConnectionBackoff;
import io.quargo.eventsource.webhook.EventFilter;
import java.util.Map;

/**
 * One entry of {@code spec.mqtt}: the broker ({@code url} split into host and port), {@code topic} (a filter,
 * wildcards allowed), {@code clientId} (also the name of the broker-side session that keeps unacknowledged
 * messages), {@code auth}, {@code jsonBody}, {@code connectionBackoff}, {@code metadata}, {@code filter}.
 */
public record MqttSource(
    String namespace, String eventSource, String eventName, String host, int port, String topic, String clientId,
    boolean jsonBody, String username, String password, ConnectionBackoff connectionBackoff,
    Map<String, String> metadata, EventFilter filter) {

  public String address() {
    return "tcp://" + host + ":" + port;
  }

  @Override
  public String toString() {
    return "mqtt/" + eventName + " " + address() + " topic " + topic + " client " + clientId;
  }
}
