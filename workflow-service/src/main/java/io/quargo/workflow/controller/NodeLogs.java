package io.quargo.workflow.controller;

import java.util.Optional;

/** A node's stored log, by namespace and node id (the local executor keeps them on disk). */
public interface NodeLogs {
  NodeLogs NONE = (namespace, nodeId) -> Optional.empty();

  Optional<String> read(String namespace, String nodeId);
}
