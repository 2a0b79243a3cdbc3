package io.quargo.eventsource.spi;

import java.util.concurrent.CompletableFuture;

/**
 * Where an adapter hands what it received. The sink applies the event's {@code filter.expression}, builds the
 * CloudEvent and publishes it to {@code events.<namespace>.<eventSource>.<eventName>}.
 *
 * <p>The future completes normally once JetStream acknowledged the event (or the filter dropped it) and
 * exceptionally otherwise ({@link io.quargo.eventbus.publish.PublishException}). An adapter acknowledges
 * upstream only after normal completion, and leaves the upstream message for redelivery otherwise: that is
 * the whole no-loss guarantee.
 */
public interface EventSink {
  CompletableFuture<Void> publish(SourceEvent event);
}
