package io.quargo.workflow.engine;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * Where template names resolve: the workflow's own {@code spec.templates} ({@code local/}) or those of the
 * WorkflowTemplate / ClusterWorkflowTemplate a {@code templateRef} reached (Argo's templateScope).
 */
record TemplateHolder(String scope, JsonNode spec) {
  static TemplateHolder local(JsonNode spec) {
    return new TemplateHolder("local/", spec);
  }

  ObjectNode template(String name) {
    for (JsonNode t : spec.path("templates")) {
      if (name.equals(t.path("name").asText(null)) && t instanceof ObjectNode o) {
        return o;
      }
    }
    return null;
  }
}
