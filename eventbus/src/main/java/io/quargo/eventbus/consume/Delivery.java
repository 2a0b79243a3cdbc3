package io.quargo.eventbus.consume;

import io.nats.client.Message;
import io.nats.client.impl.Headers;
import io.nats.client.impl.NatsJetStreamMetaData;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * One delivery of a stream message to a durable consumer. The handler reads it; the consumer settles it
 * (ack, nak, term) from the handler's {@link Outcome}, so there is deliberately no ack method here.
 */
public final class Delivery {
  private final Message message;
  private final NatsJetStreamMetaData meta;

  Delivery(Message message) {
    this.message = message;
    this.meta = message.metaData();
  }

  public String subject() {
    return message.getSubject();
  }

  /** The payload; the array is the message's own, do not modify it. */
  public byte[] data() {
    byte[] data = message.getData();
    return data == null ? new byte[0] : data;
  }

  /** Header names to values, as published (e.g. {@code Nats-Msg-Id}); empty when there are none. */
  public Map<String, List<String>> headers() {
    Headers headers = message.getHeaders();
    return headers == null ? Map.of() : Map.copyOf(headers.toMap());
  }

  /** The first value of a header, if present. */
  public Optional<String> header(String name) {
    Headers headers = message.getHeaders();
    return headers == null ? Optional.empty() : Optional.ofNullable(headers.getFirst(name));
  }

  public String stream() {
    return meta.getStream();
  }

  public String consumer() {
    return meta.getConsumer();
  }

  /** The message's sequence in its stream: stable across redeliveries. */
  public long streamSequence() {
    return meta.streamSequence();
  }

  /** How many times this message was delivered to the consumer, this delivery included (1 = first). */
  public long deliveryCount() {
    return meta.deliveredCount();
  }

  /** When the message was stored in the stream. */
  public Instant timestamp() {
    return meta.timestamp().toInstant();
  }

  /**
   * Tells the server the handler is still working, restarting the ack wait. The consumer already does
   * this every ack wait / 3 while the handler runs; call it only around a single blocking step longer
   * than that.
   */
  public void inProgress() {
    message.inProgress();
  }

  Message message() {
    return message;
  }

  /** For logs: where the message is, never its payload. */
  @Override
  public String toString() {
    return "delivery{subject=" + subject() + ", stream=" + stream() + ", seq=" + streamSequence()
        + ", delivery=" + deliveryCount() + "}";
  }
}
