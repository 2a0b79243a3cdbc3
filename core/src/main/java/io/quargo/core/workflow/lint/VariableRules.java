package io.quargo.core.workflow.lint;

import com.fasterxml.jackson.databind.JsonNode;
import io.quargo.core.tags.Segment;
import io.quargo.core.tags.TagException;
import io.quargo.core.tags.TagTemplate;
import java.util.HashSet;
import java.util.Iterator;
import java.util.Map;
import java.util.Set;

/**
 * Every string of every template: tags must close, {@code {{= }}} must compile, {@code when} must parse, and a
 * simple {@code {{ }}} tag must name something that can exist there. Conservative: only names that are certainly
 * wrong are reported (an undeclared input, an unknown step or task, an undeclared workflow parameter, an unknown
 * root); anything computed at run time is accepted.
 */
final class VariableRules {
  /** First words of Argo's variable catalogue (docs/variables.md). */
  static final Set<String> ROOTS = Set.of("inputs", "outputs", "steps", "tasks", "workflow", "item", "pod",
      "retries", "lastRetry", "node", "cronworkflow", "status", "duration", "exitCode", "resourcesDuration",
      "request", "response");

  private final WorkflowSpecView view;
  private final LintContext ctx;
  private final ExpressionRules expressions;

  VariableRules(WorkflowSpecView view, LintContext ctx) {
    this.view = view;
    this.ctx = ctx;
    this.expressions = new ExpressionRules(ctx);
  }

  void check() {
    JsonNode list = view.spec().path("templates");
    for (int i = 0; i < list.size(); i++) {
      JsonNode template = list.get(i);
      walk(template, view.path() + ".templates[" + i + "]", new Scope(template));
    }
    walk(view.spec().path("arguments"), view.path() + ".arguments", null);
    walkHooks(view.spec().path("hooks"), view.path() + ".hooks");
  }

  private void walk(JsonNode node, String path, Scope scope) {
    if (node.isTextual()) {
      checkString(node.asText(), path, scope, path.endsWith(".when"));
    } else if (node.isArray()) {
      for (int i = 0; i < node.size(); i++) {
        walk(node.get(i), path + "[" + i + "]", scope);
      }
    } else if (node.isObject()) {
      for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
        Map.Entry<String, JsonNode> f = it.next();
        String child = path + "." + f.getKey();
        if (f.getKey().equals("hooks")) {
          walkHooks(f.getValue(), child);
        }
        // An inline template has its own inputs; check its syntax but not its names.
        walk(f.getValue(), child, f.getKey().equals("inline") ? null : scope);
      }
    }
  }

  private void walkHooks(JsonNode hooks, String path) {
    for (Iterator<Map.Entry<String, JsonNode>> it = hooks.fields(); it.hasNext(); ) {
      Map.Entry<String, JsonNode> hook = it.next();
      String expression = hook.getValue().path("expression").asText("");
      if (!expression.isEmpty() && !expression.contains("{{")) {
        expressions.checkExpr(expression, path + "." + hook.getKey() + ".expression");
      }
    }
  }

  private void checkString(String value, String path, Scope scope, boolean when) {
    if (!value.contains("{{")) {
      if (when) {
        expressions.checkWhen(TagTemplate.parse(value), path);
      }
      return;
    }
    TagTemplate template;
    try {
      template = TagTemplate.parse(value);
    } catch (TagException e) {
      ctx.error(path, e.getMessage() + ": close every '{{' with '}}'");
      return;
    }
    expressions.checkExpressionTags(template, path);
    if (when) {
      expressions.checkWhen(template, path);
    }
    if (scope != null) {
      for (Segment s : template.segments()) {
        if (s instanceof Segment.Simple t && !t.name().contains("{{")) {
          String problem = scope.problem(t.name(), view);
          if (problem != null) {
            ctx.errorAt(path, value, s.offset(), "unknown variable '{{" + t.name() + "}}': " + problem);
          }
        }
      }
    }
  }

  /** What one template declares: its inputs, and the steps or tasks it may refer to. */
  private record Scope(Set<String> parameters, Set<String> artifacts, Set<String> steps, Set<String> tasks) {
    Scope(JsonNode template) {
      this(names(template.path("inputs").path("parameters")), names(template.path("inputs").path("artifacts")),
          stepNames(template.path("steps")), names(template.path("dag").path("tasks")));
    }

    String problem(String name, WorkflowSpecView view) {
      String[] parts = name.split("\\.");
      String root = parts[0];
      if (!ROOTS.contains(root)) {
        return "no variable starts with '" + root + "' (see the variable catalogue in Argo's docs/variables.md)";
      }
      if (parts.length >= 3 && root.equals("inputs") && parts[1].equals("parameters")
          && !parameters.contains(parts[2])) {
        return "input parameter '" + parts[2] + "' is not declared: add it to this template's inputs.parameters";
      }
      if (parts.length >= 3 && root.equals("inputs") && parts[1].equals("artifacts")
          && !artifacts.contains(parts[2])) {
        return "input artifact '" + parts[2] + "' is not declared: add it to this template's inputs.artifacts";
      }
      // steps.name / tasks.name are the current step's or task's own name.
      if (parts.length >= 3 && root.equals("steps") && !steps.isEmpty() && !steps.contains(parts[1])) {
        return "no step named '" + parts[1] + "' in this template: fix the step name";
      }
      if (parts.length >= 3 && root.equals("tasks") && !tasks.isEmpty() && !tasks.contains(parts[1])) {
        return "no task named '" + parts[1] + "' in this DAG: fix the task name";
      }
      if (parts.length == 3 && root.equals("workflow") && parts[1].equals("parameters")
          && !parts[2].equals("json") && view.kind().equals("Workflow") && !view.usesWorkflowTemplateRef()
          && !view.argumentNames().contains(parts[2])) {
        return "workflow parameter '" + parts[2] + "' is not declared: add it to spec.arguments.parameters";
      }
      return null;
    }

    private static Set<String> names(JsonNode list) {
      Set<String> out = new HashSet<>();
      list.forEach(n -> out.add(n.path("name").asText()));
      return out;
    }

    private static Set<String> stepNames(JsonNode groups) {
      Set<String> out = new HashSet<>();
      groups.forEach(g -> g.forEach(s -> out.add(s.path("name").asText())));
      return out;
    }
  }
}
