package io.quargo.eventbus.publish;

import io.nats.client.Connection;
import io.nats.client.JetStream;
import io.nats.client.PublishOptions;
import io.nats.client.api.PublishAck;
import io.nats.client.impl.Headers;
import io.quargo.core.event.CloudEvent;
import io.quargo.core.event.CloudEventJson;
import io.quargo.eventbus.BusConnection;
import io.quargo.eventbus.BusException;
import io.quargo.eventbus.publish.PublishException.Reason;
import io.quargo.eventbus.topology.Subjects;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;

/**
 * Publishes to JetStream and reports success only once the stream acknowledged the message; every failure
 * is a {@link PublishException}. Thread-safe; share one per connection.
 *
 * <p>Asynchronous publishes are bounded: at most {@link PublisherOptions#maxInFlight()} await their ack,
 * and a caller beyond that blocks until one completes. Their futures complete on {@code callbacks} (the
 * common pool by default), never on the NATS reader thread, so a callback may publish again or block. An event
 * loop uses {@link #nonBlocking} instead: no waiting for a slot, and its own choice of callback executor.
 */
public final class Publisher {
  /** The CloudEvents NATS binding's content type for structured-mode events. */
  public static final String CLOUDEVENTS_JSON = "application/cloudevents+json";

  private final BusConnection bus;
  private final PublisherOptions options;
  private final Executor callbacks;
  private final Semaphore slots;
  private final boolean waitForSlot;

  public Publisher(BusConnection bus) {
    this(bus, PublisherOptions.defaults(), ForkJoinPool.commonPool());
  }

  public Publisher(BusConnection bus, PublisherOptions options) {
    this(bus, options, ForkJoinPool.commonPool());
  }

  public Publisher(BusConnection bus, PublisherOptions options, Executor callbacks) {
    this(bus, options, callbacks, new Semaphore(options.maxInFlight()), true);
  }

  private Publisher(BusConnection bus, PublisherOptions options, Executor callbacks, Semaphore slots,
      boolean waitForSlot) {
    this.bus = bus;
    this.options = options;
    this.callbacks = callbacks;
    this.slots = slots;
    this.waitForSlot = waitForSlot;
  }

  /**
   * A view sharing this publisher's connection and in-flight bound, for callers that must never block (an
   * event loop): when {@code maxInFlight} publishes are outstanding its async publishes fail at once with
   * {@link Reason#BUSY} instead of waiting, and their futures complete on {@code callbacks}. Pass a direct
   * executor ({@code Runnable::run}) only when every callback is short and non-blocking (such as handing the
   * result back to an event loop): it then runs on the NATS thread that received the ack.
   */
  public Publisher nonBlocking(Executor callbacks) {
    return new Publisher(bus, options, callbacks, slots, false);
  }

  /**
   * Publishes and waits for JetStream's ack.
   *
   * @param msgId the {@code Nats-Msg-Id} the server deduplicates on within the stream's window; null for none
   * @param headers extra NATS headers; may be null
   */
  public PublishResult publish(String subject, byte[] payload, String msgId, Map<String, String> headers) {
    Headers natsHeaders = prepare(subject, payload, msgId, headers);
    requireConnected(subject, msgId);
    try {
      PublishAck ack = jetStream().publish(subject, natsHeaders, payload, publishOptions(msgId));
      return result(subject, msgId, ack);
    } catch (Exception e) {
      throw PublishFailures.translate(subject, msgId, e, options.ackTimeout(), where());
    }
  }

  /**
   * Publishes without waiting for the ack; blocks while {@code maxInFlight} publishes are outstanding. A bus
   * failure (down, no stream, timeout, refusal) fails the future with a {@link PublishException}; invalid
   * arguments and an interrupt while blocked throw one at once.
   */
  public CompletableFuture<PublishResult> publishAsync(
      String subject, byte[] payload, String msgId, Map<String, String> headers) {
    Headers natsHeaders = prepare(subject, payload, msgId, headers);
    acquireSlot(subject, msgId);
    CompletableFuture<PublishAck> ack;
    try {
      requireConnected(subject, msgId);
      ack = jetStream().publishAsync(subject, natsHeaders, payload, publishOptions(msgId));
    } catch (Exception e) {
      slots.release();
      return CompletableFuture.failedFuture(
          PublishFailures.translate(subject, msgId, e, options.ackTimeout(), where()));
    }
    CompletableFuture<PublishResult> result = new CompletableFuture<>();
    // jnats times requests out on a coarse timer; this makes the wait the configured one
    ack.orTimeout(options.ackTimeout().toMillis(), TimeUnit.MILLISECONDS).whenComplete((done, error) -> {
      slots.release();
      Runnable complete = () -> {
        if (error != null) {
          result.completeExceptionally(PublishFailures.translate(subject, msgId, error, options.ackTimeout(), where()));
        } else {
          result.complete(result(subject, msgId, done));
        }
      };
      try {
        callbacks.execute(complete);
      } catch (RejectedExecutionException e) {
        complete.run();
      }
    });
    return result;
  }

  /** Publishes a CloudEvent as structured JSON with its id as {@code Nats-Msg-Id}, and waits for the ack. */
  public PublishResult publish(String subject, CloudEvent event) {
    return publish(subject, CloudEventJson.encode(event), event.id(), Map.of("Content-Type", CLOUDEVENTS_JSON));
  }

  /** {@link #publish(String, CloudEvent)} without waiting; bounded like {@link #publishAsync}. */
  public CompletableFuture<PublishResult> publishAsync(String subject, CloudEvent event) {
    return publishAsync(subject, CloudEventJson.encode(event), event.id(), Map.of("Content-Type", CLOUDEVENTS_JSON));
  }

  /**
   * Publishes an EventSource's event on {@code events.<namespace>.<source>.<subject>}: the event's
   * {@code source} is the EventSource name and its {@code subject} the event name, as in Argo.
   */
  public PublishResult publishEvent(String namespace, CloudEvent event) {
    return publish(eventSubject(namespace, event), event);
  }

  /** {@link #publishEvent} without waiting. */
  public CompletableFuture<PublishResult> publishEventAsync(String namespace, CloudEvent event) {
    return publishAsync(eventSubject(namespace, event), event);
  }

  /** Asynchronous publishes awaiting their ack right now. */
  public int inFlight() {
    return options.maxInFlight() - slots.availablePermits();
  }

  public PublisherOptions options() {
    return options;
  }

  private static String eventSubject(String namespace, CloudEvent event) {
    try {
      return Subjects.events(namespace, event.source(), event.subject());
    } catch (BusException e) {
      String subject = "events." + namespace + "." + event.source() + "." + event.subject();
      throw PublishFailures.failure(subject, event.id(), Reason.INVALID, e.getMessage(), e);
    }
  }

  private Headers prepare(String subject, byte[] payload, String msgId, Map<String, String> headers) {
    if (subject == null || subject.isEmpty() || subject.chars().anyMatch(c -> c == '*' || c == '>' || Character.isWhitespace(c))) {
      throw PublishFailures.failure(subject, msgId, Reason.INVALID,
          "the subject must be a non-empty NATS subject without wildcards or whitespace", null);
    }
    if (payload == null) {
      throw PublishFailures.failure(subject, msgId, Reason.INVALID, "the payload is null; send an empty array for none", null);
    }
    if (msgId != null && msgId.isBlank()) {
      throw PublishFailures.failure(subject, msgId, Reason.INVALID, "the Nats-Msg-Id is blank; pass null for none", null);
    }
    if (headers == null || headers.isEmpty()) {
      return null;
    }
    Headers natsHeaders = new Headers();
    headers.forEach(natsHeaders::put);
    return natsHeaders;
  }

  private void acquireSlot(String subject, String msgId) {
    if (!waitForSlot) {
      if (!slots.tryAcquire()) {
        throw PublishFailures.failure(subject, msgId, Reason.BUSY,
            "all " + options.maxInFlight() + " in-flight publishes are awaiting their ack", null);
      }
      return;
    }
    try {
      slots.acquire();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw PublishFailures.failure(subject, msgId, Reason.INTERRUPTED,
          "interrupted while waiting for one of " + options.maxInFlight() + " in-flight publishes to complete", e);
    }
  }

  /**
   * While the connection is down jnats may queue a publish (depending on the reconnect buffer) and report a
   * timeout later, sending it after the reconnect; refusing up front sends nothing and says why at once.
   */
  private void requireConnected(String subject, String msgId) {
    Connection.Status status = bus.nats().getStatus();
    if (status != Connection.Status.CONNECTED) {
      throw PublishFailures.disconnected(subject, msgId, where() + " (status " + status + ")", null);
    }
  }

  private PublishOptions publishOptions(String msgId) {
    PublishOptions.Builder b = PublishOptions.builder().streamTimeout(options.ackTimeout());
    if (msgId != null) {
      b.messageId(msgId);
    }
    return b.build();
  }

  private static PublishResult result(String subject, String msgId, PublishAck ack) {
    return new PublishResult(subject, msgId, ack.getStream(), ack.getSeqno(), ack.isDuplicate());
  }

  private JetStream jetStream() {
    return bus.jetStream();
  }

  private String where() {
    String url = bus.nats().getConnectedUrl();
    return url != null ? url : String.valueOf(bus.config().urls());
  }
}
