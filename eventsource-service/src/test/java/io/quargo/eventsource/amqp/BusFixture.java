package io.quargo.eventsource.amqp;

import com.fasterxml.jackson.databind.JsonNode;
import io.nats.client.JetStreamManagement;
import io.nats.client.api.MessageInfo;
import io.quargo.core.event.CloudEvent;
import io.quargo.core.event.CloudEventJson;
import io.quargo.eventbus.BusConfig;
import io.quargo.eventbus.BusConnection;
import io.quargo.eventbus.publish.Publisher;
import io.quargo.eventbus.publish.PublisherOptions;
import io.quargo.eventbus.testkit.NatsTestServer;
import io.quargo.eventbus.topology.StandardStreams;
import io.quargo.eventbus.topology.StreamLimits;
import io.quargo.eventbus.topology.Topology;
import io.quargo.eventsource.spi.BusEventSink;
import io.quargo.eventsource.spi.EventSink;
import io.quargo.eventsource.spi.SourceEvent;
import io.quargo.eventsource.webhook.EventFilter;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicInteger;

/** Our bus for a source IT: the EVENTS stream, a sink over it, and what the stream stored. Shared by the source ITs. */
public final class BusFixture implements AutoCloseable {
  private final BusConnection bus;
  private final Publisher publisher;

  private BusFixture(BusConnection bus) {
    this.bus = bus;
    this.publisher = new Publisher(bus, new PublisherOptions(64, Duration.ofSeconds(2)));
  }

  public static BusFixture connect(NatsTestServer nats) throws Exception {
    BusConfig config = BusConfig.from(Map.of("quargo.bus.url", nats.url(), "quargo.bus.reconnect-wait-max", "1s"));
    BusConnection bus = BusConnection.connect(config);
    new Topology(bus).ensureStream(StandardStreams.events(StreamLimits.defaults()));
    return new BusFixture(bus);
  }

  public BusConnection bus() {
    return bus;
  }

  public EventSink sink(String namespace, String eventSource, Map<String, EventFilter> filters) {
    return new BusEventSink(publisher, namespace, eventSource, filters);
  }

  /**
   * A sink that stores the event on the bus and then reports failure for the first {@code failures} events,
   * as when the process dies between the bus's ack and the upstream ack: upstream redelivers an event the bus has.
   */
  public static EventSink failingAfterPublish(EventSink sink, int failures, List<SourceEvent> seen) {
    AtomicInteger left = new AtomicInteger(failures);
    return event -> {
      synchronized (seen) {
        seen.add(event);
      }
      return sink.publish(event).thenCompose(ok -> left.getAndDecrement() > 0
          ? CompletableFuture.failedFuture(new IllegalStateException("simulated crash after the bus's ack"))
          : CompletableFuture.completedFuture(null));
    };
  }

  /** Every event stored on {@code events.<namespace>.<eventSource>.<eventName>}, in stream order. */
  public List<CloudEvent> stored(String namespace, String eventSource, String eventName) throws Exception {
    JetStreamManagement jsm = bus.management();
    String subject = "events." + namespace + "." + eventSource + "." + eventName;
    List<CloudEvent> events = new ArrayList<>();
    // the server walks the stream by subject: one request per event, however much else the stream holds
    for (long seq = 1; ; ) {
      MessageInfo message;
      try {
        message = jsm.getNextMessage(StandardStreams.EVENTS, seq, subject);
      } catch (io.nats.client.JetStreamApiException e) {
        if (e.getErrorCode() == 404) {
          return events; // no further message on the subject
        }
        throw e;
      }
      events.add(CloudEventJson.decode(message.getData()));
      seq = message.getSeq() + 1;
    }
  }

  public List<JsonNode> storedData(String namespace, String eventSource, String eventName) throws Exception {
    return stored(namespace, eventSource, eventName).stream().map(CloudEvent::data).toList();
  }

  @Override
  public void close() {
    bus.close();
  }
}
