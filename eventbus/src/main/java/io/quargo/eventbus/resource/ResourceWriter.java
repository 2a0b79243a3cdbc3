package io.quargo.eventbus.resource;

import io.nats.client.JetStreamApiException;
import io.nats.client.api.MessageInfo;
import io.nats.client.api.PublishAck;
import io.nats.client.impl.Headers;
import io.nats.client.impl.NatsMessage;
import io.nats.client.PublishOptions;
import io.quargo.core.resource.Resource;
import io.quargo.core.resource.ResourceKind;
import io.quargo.core.resource.WatchEvent.Type;
import io.quargo.eventbus.BusConnection;
import java.io.IOException;
import java.util.Optional;

/**
 * Writes resources to their KV stream as KV itself does (subject {@code $KV.<bucket>.<key>}), plus
 * our event-type header and, for deletions, the last state in the delete marker's body. While the
 * connection is down jnats throws IllegalStateException (we keep no reconnect buffer): that is
 * UNAVAILABLE, like an I/O error.
 */
final class ResourceWriter {
  static final String EVENT_HEADER = "Quargo-Event";
  static final String KV_OPERATION = "KV-Operation";
  /** JetStream's "wrong last sequence": someone wrote the key since we read it. */
  private static final int WRONG_LAST_SEQUENCE = 10071;
  private static final int NO_MESSAGE_FOUND = 10037;

  private final BusConnection bus;
  private final ResourceBuckets buckets;

  ResourceWriter(BusConnection bus, ResourceBuckets buckets) {
    this.bus = bus;
    this.buckets = buckets;
  }

  /** Writes if the key is still at {@code expectedRevision} (0 = never written); empty on a lost race. */
  Optional<Long> tryWrite(ResourceKind kind, String key, Resource resource, long expectedRevision, Type type) {
    buckets.bucket(kind);
    Headers headers = new Headers().add(EVENT_HEADER, type.name());
    if (type == Type.DELETED) {
      headers.add(KV_OPERATION, "DEL");
    }
    NatsMessage message = NatsMessage.builder()
        .subject(buckets.subject(kind, key))
        .headers(headers)
        .data(resource.withResourceVersion(null).toJson())
        .build();
    try {
      PublishAck ack = bus.jetStream().publish(message,
          PublishOptions.builder().expectedLastSubjectSequence(expectedRevision).build());
      return Optional.of(ack.getSeqno());
    } catch (JetStreamApiException e) {
      if (e.getApiErrorCode() == WRONG_LAST_SEQUENCE) {
        return Optional.empty();
      }
      throw NatsResourceStore.unavailable("cannot write " + kind.kind() + " " + key, e);
    } catch (IOException | IllegalStateException e) {
      throw NatsResourceStore.unavailable("cannot write " + kind.kind() + " " + key, e);
    }
  }

  /** The last message stored for a key, marker or not. */
  Optional<MessageInfo> lastMessage(ResourceKind kind, String key) {
    try {
      return Optional.of(bus.management().getLastMessage(buckets.streamName(kind), buckets.subject(kind, key)));
    } catch (JetStreamApiException e) {
      if (e.getApiErrorCode() == NO_MESSAGE_FOUND) {
        return Optional.empty();
      }
      throw NatsResourceStore.unavailable("cannot read " + kind.kind() + " " + key, e);
    } catch (IOException | IllegalStateException e) {
      throw NatsResourceStore.unavailable("cannot read " + kind.kind() + " " + key, e);
    }
  }

  /** The bucket's latest revision: a list read now is at least this current. */
  long lastRevision(ResourceKind kind) throws IOException, JetStreamApiException {
    buckets.bucket(kind);
    return bus.management().getStreamInfo(buckets.streamName(kind)).getStreamState().getLastSequence();
  }

  static boolean isDeleteMarker(MessageInfo info) {
    Headers headers = info.getHeaders();
    String op = headers == null ? null : headers.getFirst(KV_OPERATION);
    return "DEL".equals(op) || "PURGE".equals(op);
  }
}
