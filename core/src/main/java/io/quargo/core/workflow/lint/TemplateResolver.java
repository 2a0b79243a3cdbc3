package io.quargo.core.workflow.lint;

import com.fasterxml.jackson.databind.JsonNode;
import io.quargo.core.resource.Resource;
import java.util.List;
import java.util.Optional;

/**
 * Finds the WorkflowTemplates and ClusterWorkflowTemplates a {@code templateRef} names, so lint can check the
 * reference. {@link #NONE} means "nothing loaded": templateRefs are then reported as unchecked warnings.
 */
public interface TemplateResolver {
  TemplateResolver NONE = (name, clusterScope) -> Optional.empty();

  /** The WorkflowTemplate ({@code clusterScope} false) or ClusterWorkflowTemplate named {@code name}. */
  Optional<Resource> workflowTemplate(String name, boolean clusterScope);

  /** The template called {@code template} in that resource's {@code spec.templates}, if any. */
  static Optional<JsonNode> template(Resource holder, String template) {
    for (JsonNode t : holder.spec().path("templates")) {
      if (template.equals(t.path("name").asText(null))) {
        return Optional.of(t);
      }
    }
    return Optional.empty();
  }

  /** A resolver over resources already loaded (e.g. the other documents being linted). */
  static TemplateResolver of(List<Resource> resources) {
    return (name, clusterScope) -> resources.stream()
        .filter(r -> r.kind().equals(clusterScope ? "ClusterWorkflowTemplate" : "WorkflowTemplate"))
        .filter(r -> name.equals(r.name()))
        .findFirst();
  }
}
