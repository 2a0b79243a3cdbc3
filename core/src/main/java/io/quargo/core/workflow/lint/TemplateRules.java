package io.quargo.core.workflow.lint;

import com.fasterxml.jackson.databind.JsonNode;
import io.quargo.core.resource.Resource;
import java.util.HashSet;
import java.util.Iterator;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Steps and DAG tasks: unique names, a template each ({@code template}, {@code templateRef} or {@code inline})
 * that exists, and arguments for the called template's inputs that have no value. Also the workflow's
 * {@code onExit} and hooks.
 */
final class TemplateRules {
  private final WorkflowSpecView view;
  private final Map<String, JsonNode> templates;
  private final TemplateResolver resolver;
  private final LintContext ctx;

  TemplateRules(WorkflowSpecView view, Map<String, JsonNode> templates, TemplateResolver resolver, LintContext ctx) {
    this.view = view;
    this.templates = templates;
    this.resolver = resolver;
    this.ctx = ctx;
  }

  void check() {
    String onExit = view.spec().path("onExit").asText("");
    if (!onExit.isEmpty() && !view.usesWorkflowTemplateRef()) {
      checkName(onExit, view.path() + ".onExit", "spec.onExit");
    }
    checkHooks(view.spec().path("hooks"), view.path() + ".hooks");
    JsonNode list = view.spec().path("templates");
    for (int i = 0; i < list.size(); i++) {
      String path = view.path() + ".templates[" + i + "]";
      checkSteps(list.get(i).path("steps"), path);
      JsonNode dag = list.get(i).path("dag");
      if (!dag.isMissingNode()) {
        checkTasks(dag.path("tasks"), path + ".dag.tasks");
        new DagRules(dag, path + ".dag", ctx).check();
      }
    }
  }

  private void checkSteps(JsonNode groups, String templatePath) {
    Set<String> names = new HashSet<>();
    for (int i = 0; i < groups.size(); i++) {
      JsonNode group = groups.get(i);
      for (int j = 0; j < group.size(); j++) {
        String path = templatePath + ".steps[" + i + "][" + j + "]";
        checkUniqueName(group.get(j), path, names, "step");
        checkCall(group.get(j), path);
      }
    }
  }

  private void checkTasks(JsonNode tasks, String tasksPath) {
    Set<String> names = new HashSet<>();
    for (int i = 0; i < tasks.size(); i++) {
      String path = tasksPath + "[" + i + "]";
      checkUniqueName(tasks.get(i), path, names, "task");
      checkCall(tasks.get(i), path);
    }
  }

  private void checkUniqueName(JsonNode node, String path, Set<String> names, String what) {
    String name = node.path("name").asText("");
    if (name.isEmpty()) {
      ctx.error(path, what + " has no name: give it a 'name' unique within its template");
    } else if (!names.add(name)) {
      ctx.error(path + ".name", what + " name '" + name + "' is not unique within its template: rename one");
    }
  }

  /** A step, task or hook: exactly one way to name its template, and that template exists. */
  private void checkCall(JsonNode call, String path) {
    checkHooks(call.path("hooks"), path + ".hooks");
    String onExit = call.path("onExit").asText("");
    if (!onExit.isEmpty()) {
      checkName(onExit, path + ".onExit", "onExit");
    }
    if (call.has("inline")) {
      return;
    }
    if (call.has("templateRef")) {
      checkTemplateRef(call, path);
    } else if (call.has("template")) {
      String name = call.path("template").asText("");
      if (checkName(name, path + ".template", "template")) {
        checkSupplied(templates.get(name), name, call, path);
      }
    } else {
      ctx.error(path, "no template to run: set 'template', 'templateRef' or 'inline'");
    }
  }

  private boolean checkName(String name, String path, String field) {
    if (view.usesWorkflowTemplateRef() || templates.containsKey(name)) {
      return !view.usesWorkflowTemplateRef();
    }
    ctx.error(path, field + " '" + name + "' not found: declare a template named '" + name
        + "' under spec.templates or fix the name");
    return false;
  }

  private void checkTemplateRef(JsonNode call, String path) {
    JsonNode ref = call.path("templateRef");
    String name = ref.path("name").asText("");
    String template = ref.path("template").asText("");
    boolean cluster = ref.path("clusterScope").asBoolean(false);
    String kind = cluster ? "ClusterWorkflowTemplate" : "WorkflowTemplate";
    if (name.isEmpty() || template.isEmpty()) {
      ctx.error(path + ".templateRef", "templateRef needs both 'name' (the " + kind + ") and 'template'");
      return;
    }
    Optional<Resource> holder = resolver.workflowTemplate(name, cluster);
    if (holder.isEmpty()) {
      ctx.warning(path + ".templateRef", kind + " '" + name + "' is not loaded, so template '" + template
          + "' was not checked: lint it together with that " + kind);
      return;
    }
    Optional<JsonNode> target = TemplateResolver.template(holder.get(), template);
    if (target.isEmpty()) {
      ctx.error(path + ".templateRef.template", "template '" + template + "' not found in " + kind + " '" + name
          + "': fix the name or add the template there");
    } else {
      checkSupplied(target.get(), template, call, path);
    }
  }

  /** Inputs without value or default must come from the call's arguments (Argo: "was not supplied"). */
  private void checkSupplied(JsonNode template, String name, JsonNode call, String path) {
    Set<String> given = new HashSet<>();
    call.path("arguments").path("parameters").forEach(p -> given.add(p.path("name").asText()));
    for (JsonNode p : template.path("inputs").path("parameters")) {
      String param = p.path("name").asText();
      if (!p.has("value") && !p.has("default") && !p.has("valueFrom") && !given.contains(param)) {
        ctx.error(path + ".arguments", "inputs.parameters." + param + " was not supplied: template '" + name
            + "' needs it; add {name: " + param + ", value: ...} to arguments.parameters");
      }
    }
  }

  private void checkHooks(JsonNode hooks, String path) {
    for (Iterator<Map.Entry<String, JsonNode>> it = hooks.fields(); it.hasNext(); ) {
      Map.Entry<String, JsonNode> hook = it.next();
      String hookPath = path + "." + hook.getKey();
      JsonNode h = hook.getValue();
      if (h.has("templateRef")) {
        checkTemplateRef(h, hookPath);
      } else if (h.has("template")) {
        checkName(h.path("template").asText(""), hookPath + ".template", "hook template");
      } else {
        ctx.error(hookPath, "hook '" + hook.getKey() + "' has no template: set 'template' or 'templateRef'");
      }
    }
  }
}
