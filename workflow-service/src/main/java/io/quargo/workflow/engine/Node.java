package io.quargo.workflow.engine;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.quargo.core.Json;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** One entry of {@code status.nodes}, field for field as Argo's {@code NodeStatus}. */
public final class Node {
  public final String id;
  public final String name;
  public final String displayName;
  public final NodeType type;
  public String templateName;
  public ObjectNode templateRef;
  public String templateScope = "local/";
  public NodePhase phase = NodePhase.Pending;
  public String boundaryId;
  public String message;
  public Instant startedAt;
  public Instant finishedAt;
  public ObjectNode inputs;
  public ObjectNode outputs;
  public String hostNodeName;
  /** Set on nodes of a template with {@code memoize}: whether the cache answered, with its key and name. */
  public MemoizationStatus memoizationStatus;
  public final List<String> children = new ArrayList<>();
  private final java.util.Set<String> childIds = new java.util.HashSet<>();
  public final List<String> outboundNodes = new ArrayList<>();
  /** The pod name of a Pod node (POD_NAMES=v2); not a field of Argo's NodeStatus, kept for logs. */
  public String podName;
  /** Output parameter name to its {@code globalName}, set when the node's outputs are (not persisted). */
  java.util.Map<String, String> globalNames;
  /** A resumed suspend node: the next pass ends it, with defaults for outputs not supplied (not persisted). */
  boolean resumed;

  public Node(String id, String name, String displayName, NodeType type) {
    this.id = id;
    this.name = name;
    this.displayName = displayName;
    this.type = type;
  }

  /** Adds a child once; the set keeps a 10,000-way fan-out from scanning the list per item. */
  boolean addChild(String childId) {
    if (childIds.add(childId)) {
      children.add(childId);
      return true;
    }
    return false;
  }

  void removeChild(String childId) {
    if (childIds.remove(childId)) {
      children.remove(childId);
    }
  }

  public boolean fulfilled() {
    return phase.fulfilled();
  }

  public String output(String parameter) {
    if (outputs == null) {
      return null;
    }
    for (JsonNode p : outputs.path("parameters")) {
      if (parameter.equals(p.path("name").asText())) {
        return p.has("value") ? p.get("value").asText() : null;
      }
    }
    return null;
  }

  public String result() {
    return outputs != null && outputs.has("result") ? outputs.get("result").asText() : null;
  }

  public String exitCode() {
    return outputs != null && outputs.has("exitCode") ? outputs.get("exitCode").asText() : null;
  }

  ObjectNode toJson() {
    ObjectNode n = Json.MAPPER.createObjectNode();
    n.put("id", id).put("name", name).put("displayName", displayName).put("type", type.name());
    if (templateName != null) {
      n.put("templateName", templateName);
    }
    if (templateRef != null) {
      n.set("templateRef", templateRef);
    }
    n.put("templateScope", templateScope);
    n.put("phase", phase.name());
    if (boundaryId != null) {
      n.put("boundaryID", boundaryId);
    }
    if (message != null && !message.isEmpty()) {
      n.put("message", message);
    }
    n.put("startedAt", startedAt == null ? null : Times.k8s(startedAt));
    n.put("finishedAt", finishedAt == null ? null : Times.k8s(finishedAt));
    if (inputs != null) {
      n.set("inputs", inputs);
    }
    if (outputs != null) {
      n.set("outputs", outputs);
    }
    if (hostNodeName != null) {
      n.put("hostNodeName", hostNodeName);
    }
    if (!children.isEmpty()) {
      ArrayNode c = n.putArray("children");
      children.forEach(c::add);
    }
    if (!outboundNodes.isEmpty()) {
      ArrayNode o = n.putArray("outboundNodes");
      outboundNodes.forEach(o::add);
    }
    if (podName != null) {
      n.put("podName", podName);
    }
    if (memoizationStatus != null) {
      n.set("memoizationStatus", memoizationStatus.toJson());
    }
    return n;
  }

  static Node fromJson(JsonNode n) {
    Node node = new Node(n.path("id").asText(), n.path("name").asText(), n.path("displayName").asText(),
        NodeType.valueOf(n.path("type").asText()));
    node.templateName = text(n, "templateName");
    node.templateRef = n.get("templateRef") instanceof ObjectNode o ? o : null;
    node.templateScope = n.path("templateScope").asText("local/");
    node.phase = NodePhase.valueOf(n.path("phase").asText("Pending"));
    node.boundaryId = text(n, "boundaryID");
    node.message = text(n, "message");
    node.startedAt = time(n, "startedAt");
    node.finishedAt = time(n, "finishedAt");
    node.inputs = n.get("inputs") instanceof ObjectNode o ? o : null;
    node.outputs = n.get("outputs") instanceof ObjectNode o ? o : null;
    node.hostNodeName = text(n, "hostNodeName");
    n.path("children").forEach(c -> node.addChild(c.asText()));
    n.path("outboundNodes").forEach(c -> node.outboundNodes.add(c.asText()));
    node.podName = text(n, "podName");
    node.memoizationStatus = MemoizationStatus.fromJson(n.get("memoizationStatus"));
    return node;
  }

  private static String text(JsonNode n, String field) {
    JsonNode v = n.get(field);
    return v == null || v.isNull() ? null : v.asText();
  }

  private static Instant time(JsonNode n, String field) {
    String v = text(n, field);
    return v == null ? null : Instant.parse(v);
  }

  @Override
  public String toString() {
    return name + " (" + type + ", " + phase + ")";
  }
}
