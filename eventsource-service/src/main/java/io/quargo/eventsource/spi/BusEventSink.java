package io.quargo.eventsource.spi;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.quargo.core.event.CloudEvent;
import io.quargo.core.expr.ExprException;
import io.quargo.eventbus.publish.Publisher;
import io.quargo.eventsource.webhook.EventFilter;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import org.jboss.logging.Logger;

/**
 * The {@link EventSink} over eventbus: one per EventSource, filters keyed by event name. Counts what it receives,
 * filters out, publishes and fails to publish in {@link SourceMetrics}.
 */
public final class BusEventSink implements EventSink {
  private static final Logger LOG = Logger.getLogger(BusEventSink.class);

  private final Publisher publisher;
  private final String namespace;
  private final String eventSource;
  private final Map<String, EventFilter> filters;
  private final SourceMetrics metrics;

  public BusEventSink(Publisher publisher, String namespace, String eventSource, Map<String, EventFilter> filters) {
    this(publisher, namespace, eventSource, filters, SourceMetrics.inMemory());
  }

  public BusEventSink(Publisher publisher, String namespace, String eventSource, Map<String, EventFilter> filters,
      SourceMetrics metrics) {
    this.publisher = publisher;
    this.namespace = namespace;
    this.eventSource = eventSource;
    this.filters = Map.copyOf(filters);
    this.metrics = metrics;
  }

  @Override
  public CompletableFuture<Void> publish(SourceEvent event) {
    metrics.received(namespace, eventSource, event.eventName(), event.type());
    if (!passes(event)) {
      metrics.filtered(namespace, eventSource, event.eventName(), event.type());
      return CompletableFuture.completedFuture(null);
    }
    CloudEvent.Builder builder = CloudEvent.builder().source(eventSource).subject(event.eventName())
        .type(event.type()).data(event.data());
    if (event.id() != null) {
      builder.id(event.id());
    }
    if (event.time() != null) {
      builder.time(event.time());
    }
    try {
      return metrics.timed(publisher.publishEventAsync(namespace, builder.build()), namespace, eventSource,
          event.eventName(), event.type()).thenApply(ack -> null);
    } catch (RuntimeException e) {
      metrics.failed(namespace, eventSource, event.eventName(), event.type());
      return CompletableFuture.failedFuture(e);
    }
  }

  /** Argo drops an event its filter rejects or cannot evaluate. */
  private boolean passes(SourceEvent event) {
    EventFilter filter = filters.get(event.eventName());
    if (filter == null || !(event.data() instanceof ObjectNode data)) {
      return true;
    }
    try {
      return filter.accepts(data);
    } catch (ExprException e) {
      LOG.warnf("%s/%s.%s: event dropped, filter.expression failed: %s", namespace, eventSource, event.eventName(),
          e.getMessage());
      return false;
    }
  }
}
