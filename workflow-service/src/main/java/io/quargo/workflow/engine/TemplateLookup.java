package io.quargo.workflow.engine;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.quargo.core.resource.Resource;
import io.quargo.core.workflow.lint.TemplateResolver;
import java.util.Iterator;
import java.util.Map;
import java.util.Optional;

/** Finds the template a step, task or entrypoint names: by name, by {@code templateRef}, or {@code inline}. */
final class TemplateLookup {
  private final TemplateResolver resolver;
  private final ObjectNode templateDefaults;

  TemplateLookup(TemplateResolver resolver, ObjectNode templateDefaults) {
    this.resolver = resolver;
    this.templateDefaults = templateDefaults;
  }

  ResolvedTemplate resolve(JsonNode call, TemplateHolder holder) {
    if (call.has("inline") && call.get("inline") instanceof ObjectNode inline) {
      return new ResolvedTemplate(withDefaults(inline), holder, null, null);
    }
    if (call.has("templateRef")) {
      JsonNode ref = call.get("templateRef");
      String name = ref.path("name").asText();
      String template = ref.path("template").asText();
      boolean cluster = ref.path("clusterScope").asBoolean(false);
      String kind = cluster ? "ClusterWorkflowTemplate" : "WorkflowTemplate";
      Optional<Resource> found = resolver.workflowTemplate(name, cluster);
      if (found.isEmpty()) {
        throw new EngineException(kind + ".argoproj.io \"" + name + "\" not found (templateRef " + name + "/"
            + template + "); create it first, e.g. quargo apply -f <file>");
      }
      TemplateHolder target = new TemplateHolder((cluster ? "cluster/" : "namespaced/") + name, found.get().spec());
      ObjectNode t = target.template(template);
      if (t == null) {
        throw new EngineException("template " + template + " not found in " + kind + " " + name);
      }
      return new ResolvedTemplate(withDefaults(t), target, template, (ObjectNode) ref);
    }
    String name = call.path("template").asText("");
    if (name.isEmpty()) {
      throw new EngineException("a step or task must name a template, templateRef or inline template");
    }
    ObjectNode t = holder.template(name);
    if (t == null) {
      throw new EngineException("template " + name + " not found");
    }
    return new ResolvedTemplate(withDefaults(t), holder, name, null);
  }

  /** {@code spec.templateDefaults} under the template: the template's own fields win, objects merge. */
  private ObjectNode withDefaults(ObjectNode template) {
    if (templateDefaults == null || templateDefaults.isEmpty()) {
      return template;
    }
    ObjectNode merged = templateDefaults.deepCopy();
    merge(merged, template);
    return merged;
  }

  private static void merge(ObjectNode base, ObjectNode over) {
    Iterator<Map.Entry<String, JsonNode>> it = over.fields();
    while (it.hasNext()) {
      Map.Entry<String, JsonNode> e = it.next();
      if (base.get(e.getKey()) instanceof ObjectNode b && e.getValue() instanceof ObjectNode o) {
        merge(b, o);
      } else {
        base.set(e.getKey(), e.getValue());
      }
    }
  }
}
