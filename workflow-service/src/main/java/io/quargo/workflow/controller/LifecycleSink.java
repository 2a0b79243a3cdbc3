package io.quargo.workflow.controller;

import com.fasterxml.jackson.databind.node.ObjectNode;

/** Where phase changes go (DESIGN §2: {@code lifecycle.<ns>.<kind>.<name>}); never blocks the engine. */
public interface LifecycleSink {
  LifecycleSink NONE = (namespace, name, type, data) -> {};

  /**
   * @param type {@code workflow.phase} for the workflow, {@code node.phase} for a node
   * @param data the phase, message and (for nodes) id, name, displayName, type, templateName
   */
  void publish(String namespace, String name, String type, ObjectNode data);
}
