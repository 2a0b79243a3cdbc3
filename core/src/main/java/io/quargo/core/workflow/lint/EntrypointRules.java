package io.quargo.core.workflow.lint;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Map;

/** The entrypoint must name a template, and its input parameters need a value from somewhere. */
final class EntrypointRules {
  private final WorkflowSpecView view;
  private final Map<String, JsonNode> templates;
  private final LintContext ctx;

  EntrypointRules(WorkflowSpecView view, Map<String, JsonNode> templates, LintContext ctx) {
    this.view = view;
    this.templates = templates;
    this.ctx = ctx;
  }

  void check() {
    String path = view.path() + ".entrypoint";
    String entrypoint = view.spec().path("entrypoint").asText("");
    if (view.usesWorkflowTemplateRef()) {
      return; // the referenced WorkflowTemplate supplies templates and, unless overridden, the entrypoint
    }
    if (entrypoint.isEmpty()) {
      // WorkflowTemplates may be used only through templateRef, so argo lint lets them omit it.
      if (!view.isTemplateKind()) {
        ctx.error(path, "spec.entrypoint is required: set it to the name of the template to run first");
      }
      return;
    }
    JsonNode template = templates.get(entrypoint);
    if (template == null) {
      ctx.error(path, "spec.entrypoint template '" + entrypoint + "' not found: declare it under "
          + "spec.templates or fix the name (templates: " + String.join(", ", templates.keySet()) + ")");
      return;
    }
    if (!view.isTemplateKind()) {
      checkArguments(entrypoint, template);
    }
  }

  /**
   * As argo lint: every entrypoint input without value or default must be in spec.arguments.parameters.
   * An argument listed without a value is accepted: lint allows values to come at submit time.
   */
  private void checkArguments(String entrypoint, JsonNode template) {
    var supplied = view.argumentNames();
    JsonNode params = template.path("inputs").path("parameters");
    for (int i = 0; i < params.size(); i++) {
      JsonNode p = params.get(i);
      String name = p.path("name").asText();
      if (!p.has("value") && !p.has("default") && !p.has("valueFrom") && !supplied.contains(name)) {
        ctx.error(view.templatePath(entrypoint) + ".inputs.parameters[" + i + "]",
            "input parameter '" + name + "' of entrypoint '" + entrypoint + "' has no value: add it to "
                + "spec.arguments.parameters, give it a 'default', or pass -p " + name + "=... at submit");
      }
    }
  }
}
