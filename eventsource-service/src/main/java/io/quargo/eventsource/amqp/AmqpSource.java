package io.quargo.eventsource.amqp;

import io.quargo.eventsource.tls.TlsSpec;
import io.quargo.eventsource.webhook.EventFilter;
import java.net.URI;
import java.util.Map;

/**
 * One entry of {@code spec.amqp}, defaults applied as Argo's {@code setDefaults} does.
 *
 * @param url      the broker URL; may carry credentials, so {@link #toString} shows only host and port
 * @param username from {@code auth.username}, or null to use the URL's
 * @param tls      the {@code tls} block, or null (then TLS only under {@code amqps://}, with the JVM's default CAs)
 */
public record AmqpSource(
    String namespace, String eventSource, String eventName, String url, String exchangeName, String exchangeType,
    String routingKey, boolean jsonBody, ExchangeDeclare exchangeDeclare, QueueDeclare queueDeclare,
    boolean queueBindNoWait, Consume consume, String username, String password, ConnectionBackoff connectionBackoff,
    TlsSpec tls, Map<String, String> metadata, EventFilter filter) {

  /** {@code exchangeDeclare}: Argo's defaults are durable, not auto-deleted, not internal. */
  public record ExchangeDeclare(boolean durable, boolean autoDelete, boolean internal, boolean noWait) {
    public static final ExchangeDeclare DEFAULT = new ExchangeDeclare(true, false, false, false);
  }

  /** {@code queueDeclare}: Argo's default is a server-named, exclusive, non-durable queue. */
  public record QueueDeclare(String name, boolean durable, boolean autoDelete, boolean exclusive, boolean noWait,
      Map<String, Object> arguments) {
    public static final QueueDeclare DEFAULT = new QueueDeclare("", false, false, true, false, Map.of());
  }

  /** {@code consume}: {@code autoAck} is read but never used, we always acknowledge after the bus stored the event. */
  public record Consume(String consumerTag, boolean autoAck, boolean exclusive, boolean noLocal, boolean noWait) {
    public static final Consume DEFAULT = new Consume("", true, false, false, false);
  }

  /**
   * TLS under {@code amqps://} or whenever {@code tls} is set. Argo's client ignores {@code tls} under
   * {@code amqp://} and connects in plain text; a {@code tls} block asks for TLS, so we do not send plain text.
   */
  public boolean useTls() {
    return tls != null || url.startsWith("amqps:");
  }

  /** The URL without user info, for messages and logs. */
  public String address() {
    try {
      URI uri = URI.create(url);
      return uri.getScheme() + "://" + uri.getHost() + (uri.getPort() > 0 ? ":" + uri.getPort() : "");
    } catch (IllegalArgumentException e) {
      return "(unparseable url)";
    }
  }

  @Override
  public String toString() {
    return "amqp/" + eventName + " " + address() + " exchange " + exchangeName + " (" + exchangeType + ") key "
        + routingKey + " queue '" + queueDeclare.name() + "'" + (tls == null ? "" : " " + tls);
  }
}
