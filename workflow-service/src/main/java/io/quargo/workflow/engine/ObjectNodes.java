package io.quargo.workflow.engine;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.quargo.core.Json;

final class ObjectNodes {
  static final ObjectNode EMPTY = Json.MAPPER.createObjectNode();

  private ObjectNodes() {}
}
