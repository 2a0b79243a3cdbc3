package io.quargo.eventsource.calendar;

import io.nats.client.JetStreamApiException;
import io.nats.client.api.MessageInfo;
import io.quargo.core.event.CloudEvent;
import io.quargo.core.event.CloudEventJson;
import io.quargo.eventbus.BusConfig;
import io.quargo.eventbus.BusConnection;
import io.quargo.eventbus.publish.Publisher;
import io.quargo.eventbus.publish.PublisherOptions;
import io.quargo.eventbus.topology.StandardStreams;
import io.quargo.eventbus.topology.StreamLimits;
import io.quargo.eventbus.topology.Topology;
import io.quargo.eventbus.testkit.NatsTestServer;
import io.quargo.eventsource.spi.BusEventSink;
import io.quargo.eventsource.webhook.EventFilter;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Our bus for ITs: a connection to a testkit server with the EVENTS stream, a sink, and a reader of what was stored. */
public final class BusFixture implements AutoCloseable {
  private static final int NO_MESSAGE = 10037;

  public final BusConnection bus;
  public final Publisher publisher;

  public BusFixture(NatsTestServer nats) {
    BusConfig config = BusConfig.from(Map.of("quargo.bus.url", nats.url(), "quargo.bus.reconnect-wait-max", "1s"));
    this.bus = BusConnection.connect(config);
    new Topology(bus).ensureStream(StandardStreams.events(StreamLimits.defaults()));
    this.publisher = new Publisher(bus, new PublisherOptions(64, Duration.ofSeconds(2)));
  }

  public BusEventSink sink(String namespace, String eventSource) {
    return sink(namespace, eventSource, Map.of());
  }

  public BusEventSink sink(String namespace, String eventSource, Map<String, EventFilter> filters) {
    return new BusEventSink(publisher, namespace, eventSource, filters);
  }

  /** Every event stored on {@code events.<namespace>.<eventSource>.<eventName>}, in stream order. */
  public List<CloudEvent> stored(String namespace, String eventSource, String eventName) {
    String subject = "events." + namespace + "." + eventSource + "." + eventName;
    List<CloudEvent> events = new ArrayList<>();
    long seq = 1;
    try {
      while (true) {
        MessageInfo message = bus.management().getNextMessage(StandardStreams.EVENTS, seq, subject);
        events.add(CloudEventJson.decode(message.getData()));
        seq = message.getSeq() + 1;
      }
    } catch (JetStreamApiException e) {
      if (e.getApiErrorCode() == NO_MESSAGE) {
        return events;
      }
      throw new IllegalStateException("cannot read the EVENTS stream: " + e.getMessage(), e);
    } catch (IOException e) {
      throw new IllegalStateException("cannot read the EVENTS stream: " + e.getMessage(), e);
    }
  }

  @Override
  public void close() {
    bus.close();
  }
}
