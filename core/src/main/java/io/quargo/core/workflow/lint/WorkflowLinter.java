package io.quargo.core.workflow.lint;

import com.fasterxml.jackson.databind.JsonNode;
import io.quargo.core.resource.Resource;
import io.quargo.core.workflow.manifest.ManifestDocument;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * {@code argo lint} for Workflow, WorkflowTemplate, ClusterWorkflowTemplate and CronWorkflow documents: the
 * entrypoint, template references, duplicate names, DAG dependencies, {@code when} and {@code {{= }}}
 * expressions and {@code {{ }}} variables. Other kinds are ignored. Pure: no I/O.
 */
public final class WorkflowLinter {
  static final Set<String> KINDS = Set.of("Workflow", "WorkflowTemplate", "ClusterWorkflowTemplate", "CronWorkflow");

  private final TemplateResolver resolver;

  /** @param resolver finds templateRef targets; {@link TemplateResolver#NONE} leaves them as warnings */
  public WorkflowLinter(TemplateResolver resolver) {
    this.resolver = resolver;
  }

  public LintResult lint(List<ManifestDocument> documents) {
    List<LintFinding> all = new ArrayList<>();
    documents.forEach(d -> all.addAll(lint(d).findings()));
    return new LintResult(all);
  }

  public LintResult lint(ManifestDocument document) {
    Resource r = document.resource();
    if (!KINDS.contains(r.kind())) {
      return new LintResult(List.of());
    }
    LintContext ctx = new LintContext(document);
    boolean cron = r.kind().equals("CronWorkflow");
    String specPath = cron ? "spec.workflowSpec" : "spec";
    JsonNode spec = cron ? r.spec().path("workflowSpec") : r.spec();
    if (!spec.isObject()) {
      ctx.error(specPath, "missing " + specPath + ": a " + r.kind() + " needs a spec with templates");
      return new LintResult(ctx.findings());
    }
    WorkflowSpecView view = new WorkflowSpecView(r.kind(), specPath, spec);
    Map<String, JsonNode> templates = templates(view, ctx);
    new EntrypointRules(view, templates, resolver, ctx).check();
    new TemplateRules(view, templates, resolver, ctx).check();
    new VariableRules(view, ctx).check();
    return new LintResult(ctx.findings());
  }

  /** Templates by name; a second template of the same name is an error, as Argo cannot tell them apart. */
  private static Map<String, JsonNode> templates(WorkflowSpecView view, LintContext ctx) {
    Map<String, JsonNode> byName = new LinkedHashMap<>();
    Set<String> seen = new HashSet<>();
    JsonNode list = view.spec().path("templates");
    for (int i = 0; i < list.size(); i++) {
      String path = view.path() + ".templates[" + i + "]";
      String name = list.get(i).path("name").asText("");
      if (name.isEmpty()) {
        ctx.error(path + ".name", "template has no name: give every template a unique 'name'");
      } else if (!seen.add(name)) {
        ctx.error(path + ".name", "template name '" + name + "' is not unique: rename one of the templates");
      } else {
        byName.put(name, list.get(i));
      }
    }
    return byName;
  }
}
