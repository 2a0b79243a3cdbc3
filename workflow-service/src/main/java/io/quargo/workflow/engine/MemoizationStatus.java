package io.quargo.workflow.engine;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.quargo.core.Json;

/**
 * A memoized node's {@code memoizationStatus}, as Argo writes it: whether the node came from the cache, the key
 * (after substitution) and the cache's name.
 */
public record MemoizationStatus(boolean hit, String key, String cacheName) {

  ObjectNode toJson() {
    return Json.MAPPER.createObjectNode().put("hit", hit).put("key", key).put("cacheName", cacheName);
  }

  static MemoizationStatus fromJson(JsonNode n) {
    if (n == null || !n.isObject()) {
      return null;
    }
    return new MemoizationStatus(n.path("hit").asBoolean(false), n.path("key").asText(""),
        n.path("cacheName").asText(""));
  }
}
