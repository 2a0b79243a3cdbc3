package io.quargo.workflow.engine;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.quargo.core.Json;
import java.time.Instant;

/**
 * One cache entry, shaped as Argo stores it in its cache ConfigMap:
 * {@code {"nodeID","outputs","creationTimestamp","lastHitTimestamp"}}.
 *
 * @param nodeId the node whose outputs these are
 * @param outputs the node's {@code outputs}; null when it had none
 */
public record MemoEntry(String nodeId, ObjectNode outputs, Instant creationTimestamp, Instant lastHitTimestamp) {

  public MemoEntry withLastHit(Instant at) {
    return new MemoEntry(nodeId, outputs, creationTimestamp, at);
  }

  public ObjectNode toJson() {
    ObjectNode n = Json.MAPPER.createObjectNode().put("nodeID", nodeId);
    n.set("outputs", outputs == null ? null : outputs.deepCopy());
    n.put("creationTimestamp", Times.k8s(creationTimestamp));
    n.put("lastHitTimestamp", Times.k8s(lastHitTimestamp));
    return n;
  }

  /** Reads an entry; one that is not Argo's shape is an {@link EngineException} saying what is wrong. */
  public static MemoEntry fromJson(JsonNode n) {
    if (n == null || !n.isObject() || !n.hasNonNull("nodeID") || !n.hasNonNull("creationTimestamp")) {
      throw new EngineException("malformed memoization cache entry: it needs nodeID and creationTimestamp");
    }
    Instant created;
    Instant lastHit;
    try {
      created = Instant.parse(n.get("creationTimestamp").asText());
      lastHit = n.hasNonNull("lastHitTimestamp") ? Instant.parse(n.get("lastHitTimestamp").asText()) : created;
    } catch (java.time.format.DateTimeParseException e) {
      throw new EngineException("malformed memoization cache entry: " + e.getMessage());
    }
    ObjectNode outputs = n.get("outputs") instanceof ObjectNode o ? o.deepCopy() : null;
    return new MemoEntry(n.get("nodeID").asText(), outputs, created, lastHit);
  }
}
