package io.quargo.eventsource.webhook;

import com.fasterxml.jackson.databind.node.ObjectNode;

/** A {@link WebhookReceiver}'s verdict on one request. */
public sealed interface Reception {
  /** Answer {@code status} with {@code message}; nothing is published. */
  record Refused(int status, String message) implements Reception {}

  /** Answer 200 without publishing, as Argo does for an event it is not interested in. */
  record Dropped(String why) implements Reception {}

  /**
   * Publish an event with this {@code data} (then the route's filter applies).
   *
   * @param eventId a stable id derived from the sender's delivery id, so a redelivered request is deduplicated
   *     by JetStream; null for a fresh random id
   */
  record Accepted(ObjectNode data, String eventId) implements Reception {}
}
