package io.quargo.workflow.engine;

import com.fasterxml.jackson.databind.node.ObjectNode;

/** A template found for a call, with the holder its own references resolve in. */
record ResolvedTemplate(ObjectNode template, TemplateHolder holder, String templateName, ObjectNode templateRef) {

  /** Exactly one of Argo's template types. */
  String type() {
    for (String t : new String[] {"container", "script", "containerSet", "steps", "dag", "suspend", "resource",
        "http", "plugin", "data"}) {
      if (template.has(t)) {
        return t;
      }
    }
    return "";
  }

  boolean leaf() {
    String t = type();
    return t.equals("container") || t.equals("script") || t.equals("containerSet") || t.equals("http");
  }
}
