package io.quargo.eventsource.spi;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tags;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.util.concurrent.CompletableFuture;

/**
 * The event sources' Micrometer meters, tagged {@code namespace, eventSource, eventName, type}. Prometheus shows
 * them as {@code quargo_eventsource_events_received_total} (an adapter or webhook received it),
 * {@code ..._events_filtered_total} (its filter dropped it), {@code ..._events_published_total} (the bus stored
 * it), {@code ..._events_failed_total} (the bus did not acknowledge it) and
 * {@code quargo_eventsource_publish_latency_seconds} (publish until the bus's ack, successful or not).
 */
public final class SourceMetrics {
  public static final String RECEIVED = "quargo.eventsource.events.received";
  public static final String FILTERED = "quargo.eventsource.events.filtered";
  public static final String PUBLISHED = "quargo.eventsource.events.published";
  public static final String FAILED = "quargo.eventsource.events.failed";
  public static final String LATENCY = "quargo.eventsource.publish.latency";

  private final MeterRegistry registry;

  public SourceMetrics(MeterRegistry registry) {
    this.registry = registry;
  }

  /** Meters kept in a private in-memory registry: for callers that export none. */
  public static SourceMetrics inMemory() {
    return new SourceMetrics(new SimpleMeterRegistry());
  }

  public MeterRegistry registry() {
    return registry;
  }

  public void received(String namespace, String eventSource, String eventName, String type) {
    counter(RECEIVED, "events an event source received", namespace, eventSource, eventName, type).increment();
  }

  public void filtered(String namespace, String eventSource, String eventName, String type) {
    counter(FILTERED, "events dropped by their filter", namespace, eventSource, eventName, type).increment();
  }

  /** Counts and times one publish: published or failed once {@code ack} completes. */
  public <T> CompletableFuture<T> timed(CompletableFuture<T> ack, String namespace, String eventSource,
      String eventName, String type) {
    Timer.Sample sample = Timer.start(registry);
    return ack.whenComplete((ok, error) -> {
      Tags tags = tags(namespace, eventSource, eventName, type);
      sample.stop(Timer.builder(LATENCY).description("publish until the bus's acknowledgement").tags(tags)
          .register(registry));
      if (error == null) {
        counter(PUBLISHED, "events the bus stored", namespace, eventSource, eventName, type).increment();
      } else {
        failed(namespace, eventSource, eventName, type);
      }
    });
  }

  public void failed(String namespace, String eventSource, String eventName, String type) {
    counter(FAILED, "events the bus did not acknowledge", namespace, eventSource, eventName, type).increment();
  }

  private Counter counter(String name, String description, String namespace, String eventSource, String eventName,
      String type) {
    return Counter.builder(name).description(description).tags(tags(namespace, eventSource, eventName, type))
        .register(registry);
  }

  private static Tags tags(String namespace, String eventSource, String eventName, String type) {
    return Tags.of("namespace", namespace, "eventSource", eventSource, "eventName", eventName, "type",
        type == null ? "" : type);
  }
}
