package io.quargo.workflow.engine;

import java.util.Map;

/**
 * How a node is being called: its boundary (the enclosing steps/DAG node), display name, the variables of the
 * calling scope that an attempt needs ({@code retries}), and whether it is an exit handler.
 */
record CallOptions(String boundaryId, String displayName, Map<String, Object> extraVars, boolean onExit) {
  CallOptions withDisplayName(String name) {
    return new CallOptions(boundaryId, name, extraVars, onExit);
  }

  CallOptions withExtraVars(Map<String, Object> vars) {
    return new CallOptions(boundaryId, displayName, vars, onExit);
  }
}
