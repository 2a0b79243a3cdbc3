package io.quargo.core.workflow.lint;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.HashSet;
import java.util.Set;

/** The workflow spec being linted and where it sits (CronWorkflows keep it under {@code spec.workflowSpec}). */
record WorkflowSpecView(String kind, String path, JsonNode spec) {
  boolean isTemplateKind() {
    return kind.equals("WorkflowTemplate") || kind.equals("ClusterWorkflowTemplate");
  }

  /** A Workflow that takes its spec from a WorkflowTemplate: templates and entrypoint may live there. */
  boolean usesWorkflowTemplateRef() {
    return spec.has("workflowTemplateRef");
  }

  /** Index of {@code templates[i]} by name, for paths. */
  int templateIndex(String name) {
    JsonNode list = spec.path("templates");
    for (int i = 0; i < list.size(); i++) {
      if (name.equals(list.get(i).path("name").asText(null))) {
        return i;
      }
    }
    return -1;
  }

  String templatePath(String name) {
    return path + ".templates[" + templateIndex(name) + "]";
  }

  /** Names in {@code spec.arguments.parameters}. */
  Set<String> argumentNames() {
    Set<String> names = new HashSet<>();
    spec.path("arguments").path("parameters").forEach(p -> names.add(p.path("name").asText()));
    return names;
  }
}
