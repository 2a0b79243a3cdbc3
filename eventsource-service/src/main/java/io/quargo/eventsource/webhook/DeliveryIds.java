package io.quargo.eventsource.webhook;

import io.quargo.core.event.CloudEventIds;
import java.nio.charset.StandardCharsets;
import java.util.UUID;

/**
 * Event ids derived from a sender's delivery id (GitHub's {@code X-GitHub-Delivery}, GitLab's
 * {@code X-Gitlab-Event-UUID}): a redelivered hook gets the same id, which JetStream deduplicates through
 * {@code Nats-Msg-Id}. The route is part of the name, so one delivery seen by two EventSources stays two events.
 */
public final class DeliveryIds {
  private DeliveryIds() {}

  /** A 32-hex-digit id as Argo writes them; null when the sender gave no delivery id. */
  public static String of(WebhookRoute route, String deliveryId) {
    if (deliveryId == null || deliveryId.isBlank()) {
      return null;
    }
    String name = route.ref() + "\n" + deliveryId.trim();
    return CloudEventIds.of(UUID.nameUUIDFromBytes(name.getBytes(StandardCharsets.UTF_8)));
  }
}
