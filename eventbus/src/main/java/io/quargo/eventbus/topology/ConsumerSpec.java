package io.quargo.eventbus.topology;

import io.nats.client.api.AckPolicy;
import io.nats.client.api.ConsumerConfiguration;
import io.nats.client.api.DeliverPolicy;
import io.quargo.eventbus.BusException;
import java.time.Duration;
import java.util.List;

/**
 * A durable pull consumer with explicit acks, the way Sensors read their dependencies. nats-server 2.9 takes
 * one filter subject per consumer; more than one is refused there by {@link Topology#ensureConsumer}.
 *
 * @param stream the stream it reads
 * @param name durable name; survives restarts, so messages published meanwhile are delivered after one
 * @param filterSubjects the subjects it receives (one on nats-server 2.9); empty = the whole stream
 * @param deliverPolicy where a new consumer starts (all, new, last...); cannot change later
 * @param ackWait how long a delivered message may stay unacked before it is redelivered; with a backoff the
 *     server uses the first backoff step instead
 * @param maxDeliver deliveries before the server gives up on a message; -1 = no limit
 * @param backoff redelivery delays, step by step; empty = {@code ackWait} every time
 * @param maxAckPending delivered but unacked messages allowed at once
 * @param description shown by {@code nats consumer info}; may be null
 */
public record ConsumerSpec(
    String stream,
    String name,
    List<String> filterSubjects,
    DeliverPolicy deliverPolicy,
    Duration ackWait,
    long maxDeliver,
    List<Duration> backoff,
    long maxAckPending,
    String description) {

  public static final Duration DEFAULT_ACK_WAIT = Duration.ofSeconds(30);
  public static final long DEFAULT_MAX_ACK_PENDING = 1000;

  public ConsumerSpec {
    Subjects.token("stream name", stream);
    Subjects.token("consumer name", name);
    filterSubjects = filterSubjects == null ? List.of() : List.copyOf(filterSubjects);
    backoff = backoff == null ? List.of() : List.copyOf(backoff);
    deliverPolicy = deliverPolicy == null ? DeliverPolicy.All : deliverPolicy;
    ackWait = ackWait == null ? DEFAULT_ACK_WAIT : ackWait;
    String where = "consumer " + name + " on stream " + stream;
    if (ackWait.isNegative() || ackWait.isZero()) {
      throw new BusException(where + ": ackWait must be positive, got " + ackWait);
    }
    if (maxDeliver == 0 || maxDeliver < -1) {
      throw new BusException(where + ": maxDeliver must be positive or -1 (no limit), got " + maxDeliver);
    }
    if (!backoff.isEmpty() && maxDeliver != -1 && maxDeliver <= backoff.size()) {
      throw new BusException(where + ": maxDeliver (" + maxDeliver + ") must be greater than the number of backoff"
          + " steps (" + backoff.size() + "); raise maxDeliver or shorten the backoff");
    }
    if (backoff.stream().anyMatch(d -> d.isNegative() || d.isZero())) {
      throw new BusException(where + ": every backoff step must be positive, got " + backoff);
    }
    if (maxAckPending == 0 || maxAckPending < -1) {
      throw new BusException(where + ": maxAckPending must be positive or -1 (no limit), got " + maxAckPending);
    }
  }

  /** A pull consumer on one subject, from the start of the stream, 30s ack wait, unlimited redelivery. */
  public static ConsumerSpec pull(String stream, String name, String filterSubject) {
    return new ConsumerSpec(stream, name, List.of(filterSubject), DeliverPolicy.All, DEFAULT_ACK_WAIT, -1,
        List.of(), DEFAULT_MAX_ACK_PENDING, null);
  }

  public ConsumerSpec withFilterSubjects(List<String> value) {
    return new ConsumerSpec(stream, name, value, deliverPolicy, ackWait, maxDeliver, backoff, maxAckPending, description);
  }

  public ConsumerSpec withDeliverPolicy(DeliverPolicy value) {
    return new ConsumerSpec(stream, name, filterSubjects, value, ackWait, maxDeliver, backoff, maxAckPending, description);
  }

  public ConsumerSpec withAckWait(Duration value) {
    return new ConsumerSpec(stream, name, filterSubjects, deliverPolicy, value, maxDeliver, backoff, maxAckPending, description);
  }

  public ConsumerSpec withMaxDeliver(long value) {
    return new ConsumerSpec(stream, name, filterSubjects, deliverPolicy, ackWait, value, backoff, maxAckPending, description);
  }

  public ConsumerSpec withBackoff(List<Duration> value) {
    return new ConsumerSpec(stream, name, filterSubjects, deliverPolicy, ackWait, maxDeliver, value, maxAckPending, description);
  }

  public ConsumerSpec withMaxAckPending(long value) {
    return new ConsumerSpec(stream, name, filterSubjects, deliverPolicy, ackWait, maxDeliver, backoff, value, description);
  }

  public ConsumerSpec withDescription(String value) {
    return new ConsumerSpec(stream, name, filterSubjects, deliverPolicy, ackWait, maxDeliver, backoff, maxAckPending, value);
  }

  /** The ack wait the server will report: with a backoff, nats-server replaces it by the first step. */
  Duration effectiveAckWait() {
    return backoff.isEmpty() ? ackWait : backoff.get(0);
  }

  ConsumerConfiguration toConfiguration() {
    ConsumerConfiguration.Builder b = ConsumerConfiguration.builder()
        .durable(name)
        .ackPolicy(AckPolicy.Explicit)
        .deliverPolicy(deliverPolicy)
        .ackWait(effectiveAckWait())
        .maxDeliver(maxDeliver)
        .maxAckPending(maxAckPending)
        .description(description);
    if (filterSubjects.size() == 1) {
      b.filterSubject(filterSubjects.get(0));
    } else if (!filterSubjects.isEmpty()) {
      b.filterSubjects(filterSubjects);
    }
    if (!backoff.isEmpty()) {
      b.backoff(backoff.toArray(Duration[]::new));
    }
    return b.build();
  }
}
