package io.quargo.workflow.executor.local;

import com.fasterxml.jackson.databind.JsonNode;
import io.quargo.workflow.executor.ExecutionTask;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads the containers of a leaf template ({@code container}, {@code script} or {@code containerSet}) into
 * {@link ContainerSpec}s, resolving {@code env} as far as a host can: {@code value}, and {@code valueFrom.fieldRef}
 * for the pod's name, namespace, node name and IP. Anything else is a {@link TemplateError} naming the field.
 */
final class TemplateReader {
  private final ExecutionTask task;
  private final String templateName;

  TemplateReader(ExecutionTask task) {
    this.task = task;
    this.templateName = task.template().path("name").asText("");
  }

  /** The containers to run; exactly one for container and script templates. */
  List<ContainerSpec> containers() throws TemplateError {
    JsonNode t = task.template();
    if (t.hasNonNull("container")) {
      return List.of(container(t.get("container"), "container", "main", null));
    }
    if (t.hasNonNull("script")) {
      JsonNode s = t.get("script");
      return List.of(container(s, "script", "main", text(s, "source", "script.source")));
    }
    if (t.hasNonNull("containerSet")) {
      return containerSet(t.get("containerSet"));
    }
    throw error("has none of container, script or containerSet",
        "the local executor runs leaf templates only; steps, dag, suspend and the like are the engine's");
  }

  private List<ContainerSpec> containerSet(JsonNode set) throws TemplateError {
    JsonNode list = set.path("containers");
    if (!list.isArray() || list.isEmpty()) {
      throw error("containerSet.containers is missing or empty", "list at least one container, one named main");
    }
    List<ContainerSpec> out = new ArrayList<>();
    for (int i = 0; i < list.size(); i++) {
      String where = "containerSet.containers[" + i + "]";
      String name = text(list.get(i), "name", where + ".name");
      if (name == null || name.isBlank()) {
        throw error(where + ".name is missing", "give every container of a containerSet a name");
      }
      ContainerSpec c = container(list.get(i), where, name, null);
      // containerSet.volumeMounts apply to every container of the set.
      Map<String, String> mounts = new LinkedHashMap<>(mounts(set, "containerSet"));
      mounts.putAll(c.mountPaths());
      out.add(new ContainerSpec(c.name(), c.image(), c.command(), c.args(), c.env(), c.workingDir(),
          Collections.unmodifiableMap(mounts), c.source(), c.dependencies(), c.where()));
    }
    return out;
  }

  private ContainerSpec container(JsonNode c, String where, String name, String source) throws TemplateError {
    if (!c.isObject()) {
      throw error(where + " must be an object", "write it as a mapping with image, command, args");
    }
    String workingDir = text(c, "workingDir", where + ".workingDir");
    if (workingDir != null && !workingDir.startsWith("/")) {
      throw error(where + ".workingDir must be an absolute path, got '" + workingDir + "'", "write it as /some/dir");
    }
    return new ContainerSpec(name, text(c, "image", where + ".image"),
        strings(c, "command", where), strings(c, "args", where), env(c, where),
        workingDir, mounts(c, where), source,
        strings(c, "dependencies", where) == null ? List.of() : strings(c, "dependencies", where), where);
  }

  private Map<String, String> env(JsonNode c, String where) throws TemplateError {
    Map<String, String> env = new LinkedHashMap<>();
    JsonNode list = c.path("env");
    if (list.isMissingNode() || list.isNull()) {
      return env;
    }
    if (!list.isArray()) {
      throw error(where + ".env must be a list", "write env as a list of {name, value}");
    }
    for (int i = 0; i < list.size(); i++) {
      String at = where + ".env[" + i + "]";
      String name = text(list.get(i), "name", at + ".name");
      if (name == null || name.isEmpty()) {
        throw error(at + ".name is missing", "give every env entry a name");
      }
      JsonNode e = list.get(i);
      env.put(name, e.hasNonNull("valueFrom") ? valueFrom(e.get("valueFrom"), at + ".valueFrom")
          : e.path("value").asText(""));
    }
    return Collections.unmodifiableMap(env);
  }

  private String valueFrom(JsonNode from, String at) throws TemplateError {
    if (from.hasNonNull("fieldRef")) {
      String field = from.get("fieldRef").path("fieldPath").asText("");
      switch (field) {
        case "metadata.name":
          return task.podName();
        case "metadata.namespace":
          return task.namespace();
        case "spec.nodeName":
          return hostName();
        case "status.podIP":
        case "status.hostIP":
          return "127.0.0.1";
        default:
          throw error(at + ".fieldRef.fieldPath '" + field + "' cannot be resolved by the local executor",
              "use metadata.name, metadata.namespace, spec.nodeName or status.podIP, or set value instead");
      }
    }
    String kind = from.fieldNames().hasNext() ? from.fieldNames().next() : "(empty)";
    throw error(at + "." + kind + " cannot be resolved by the local executor (it has no Kubernetes "
        + "Secrets, ConfigMaps or resource limits)", "set value instead, or run this workflow with the pod executor");
  }

  private static String hostName() {
    try {
      return java.net.InetAddress.getLocalHost().getHostName();
    } catch (java.net.UnknownHostException e) {
      return "localhost";
    }
  }

  private Map<String, String> mounts(JsonNode c, String where) throws TemplateError {
    Map<String, String> mounts = new LinkedHashMap<>();
    JsonNode list = c.path("volumeMounts");
    for (int i = 0; list.isArray() && i < list.size(); i++) {
      String at = where + ".volumeMounts[" + i + "]";
      String path = text(list.get(i), "mountPath", at + ".mountPath");
      if (path == null || !path.startsWith("/")) {
        throw error(at + ".mountPath must be an absolute path, got " + path, "write it as /some/dir");
      }
      mounts.put(path, list.get(i).path("name").asText(""));
    }
    return mounts;
  }

  private List<String> strings(JsonNode c, String field, String where) throws TemplateError {
    JsonNode v = c.path(field);
    if (v.isMissingNode() || v.isNull()) {
      return null;
    }
    if (!v.isArray()) {
      throw error(where + "." + field + " must be a list of strings", "write it as [" + field + "-item, ...]");
    }
    List<String> out = new ArrayList<>();
    for (int i = 0; i < v.size(); i++) {
      if (!v.get(i).isValueNode() || v.get(i).isNull()) {
        throw error(where + "." + field + "[" + i + "] must be a string", "quote it");
      }
      out.add(v.get(i).asText());
    }
    return Collections.unmodifiableList(out);
  }

  private String text(JsonNode node, String field, String where) throws TemplateError {
    JsonNode v = node.path(field);
    if (v.isMissingNode() || v.isNull()) {
      return null;
    }
    if (!v.isValueNode()) {
      throw error(where + " must be a string", "quote it");
    }
    return v.asText();
  }

  TemplateError error(String what, String fix) {
    String name = templateName.isEmpty() ? "" : " '" + templateName + "'";
    return new TemplateError("template" + name + ": " + what + "; " + fix);
  }
}
