package io.quargo.core.workflow.lint;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Map;

/** The entrypoint must name a template, and its input parameters need a value from somewhere. */
final class EntrypointRules {
  private final WorkflowSpecView view;
  private final Map<String, JsonNode> templates;
  private final TemplateResolver resolver;
  private final LintContext ctx;

  EntrypointRules(WorkflowSpecView view, Map<String, JsonNode> templates, TemplateResolver resolver,
      LintContext ctx) {
    this.view = view;
    this.templates = templates;
    this.resolver = resolver;
    this.ctx = ctx;
  }

  void check() {
    String path = view.path() + ".entrypoint";
    String entrypoint = view.spec().path("entrypoint").asText("");
    if (view.usesWorkflowTemplateRef()) {
      checkReferencedEntrypoint(entrypoint, path);
      return;
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

  /** The referenced WorkflowTemplate supplies the templates; an overriding entrypoint must be one of them. */
  private void checkReferencedEntrypoint(String entrypoint, String path) {
    JsonNode ref = view.spec().path("workflowTemplateRef");
    boolean cluster = ref.path("clusterScope").asBoolean(false);
    String kind = cluster ? "ClusterWorkflowTemplate" : "WorkflowTemplate";
    var holder = resolver.workflowTemplate(ref.path("name").asText(""), cluster);
    if (holder.isEmpty()) {
      ctx.warning(view.path() + ".workflowTemplateRef", kind + " '" + ref.path("name").asText("")
          + "' is not loaded, so the workflow was not checked against it: lint it together with that " + kind);
    } else if (!entrypoint.isEmpty() && TemplateResolver.template(holder.get(), entrypoint).isEmpty()) {
      ctx.error(path, "spec.entrypoint template '" + entrypoint + "' not found in " + kind + " '"
          + ref.path("name").asText("") + "': fix the name or drop it to use that template's entrypoint");
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
