package io.quargo.eventbus.lease;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.quargo.core.Json;
import io.quargo.eventbus.BusException;
import java.time.Duration;
import java.time.Instant;

/**
 * The value stored under a lease's key: who holds it and until when. nats-server 2.9 has no per-message
 * TTL, so expiry is this wall-clock time written by the holder, not something the server enforces.
 */
public record LeaseRecord(String holder, Instant acquiredAt, Instant renewedAt, Instant expiresAt) {

  static LeaseRecord acquired(String holder, Instant now, Duration ttl) {
    return new LeaseRecord(holder, now, now, now.plus(ttl));
  }

  LeaseRecord renewed(Instant now, Duration ttl) {
    return new LeaseRecord(holder, acquiredAt, now, now.plus(ttl));
  }

  boolean isExpiredAt(Instant now) {
    return !now.isBefore(expiresAt);
  }

  byte[] toBytes() {
    ObjectNode node = Json.object();
    node.put("holder", holder);
    node.put("acquiredAt", acquiredAt.toString());
    node.put("renewedAt", renewedAt.toString());
    node.put("expiresAt", expiresAt.toString());
    return Json.bytes(node);
  }

  static LeaseRecord parse(String key, byte[] bytes) {
    try {
      JsonNode node = Json.parse(bytes);
      return new LeaseRecord(node.path("holder").asText(), instant(node, "acquiredAt"),
          instant(node, "renewedAt"), instant(node, "expiresAt"));
    } catch (RuntimeException e) {
      throw new BusException("lease key '" + key + "' does not hold a lease record (" + e.getMessage()
          + "); is another program writing this key? Delete it to free the lease", e);
    }
  }

  private static Instant instant(JsonNode node, String field) {
    JsonNode value = node.get(field);
    if (value == null || !value.isTextual()) {
      throw new IllegalArgumentException("missing " + field);
    }
    return Instant.parse(value.asText());
  }
}
