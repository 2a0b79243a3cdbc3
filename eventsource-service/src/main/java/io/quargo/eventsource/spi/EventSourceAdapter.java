package io.quargo.eventsource.spi;

/**
 * One configured event of an EventSource (one entry of e.g. {@code spec.amqp}), connected to its upstream.
 * {@link #start} connects and begins delivering to the sink; it throws when the upstream cannot be reached
 * at all, with a message naming the source and the address. {@link #close} stops consuming, leaves
 * unacknowledged upstream messages for redelivery, and is safe to call more than once.
 */
public interface EventSourceAdapter extends AutoCloseable {
  void start(EventSink sink) throws Exception;

  @Override
  void close();
}
