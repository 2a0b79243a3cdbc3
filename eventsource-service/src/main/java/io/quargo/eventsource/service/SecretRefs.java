package io.quargo.eventsource.service;

import com.fasterxml.jackson.databind.JsonNode;
import io.quargo.core.resource.Resource;

/** Whether an EventSource names a Secret: any {@code {name, key}} selector under its spec, in its namespace. */
final class SecretRefs {
  private SecretRefs() {}

  static boolean names(Resource eventSource, Resource secret) {
    String namespace = eventSource.namespace() == null ? "default" : eventSource.namespace();
    return namespace.equals(secret.namespace()) && mentions(eventSource.spec(), secret.name());
  }

  private static boolean mentions(JsonNode node, String secretName) {
    if (node.isObject() && node.path("key").isTextual() && secretName.equals(node.path("name").asText(null))) {
      return true;
    }
    for (JsonNode child : node) {
      if (mentions(child, secretName)) {
        return true;
      }
    }
    return false;
  }
}
