package io.quargo.workflow.engine;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.quargo.core.Json;
import java.time.Instant;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One workflow as the engine sees it: its metadata, the effective spec (after {@code workflowTemplateRef}) and
 * its status. The engine mutates it; {@link #status()} writes it as Argo's {@code WorkflowStatus}.
 */
public final class WorkflowRun {
  public final String namespace;
  public final String name;
  public final String uid;
  public final Instant creationTimestamp;
  public final ObjectNode metadata;
  public final ObjectNode spec;
  public String phase = "";
  public Instant startedAt;
  public Instant finishedAt;
  public String message;
  /** {@code status.outputs.parameters}: globalName exports, in order. */
  public final Map<String, String> globalOutputs = new LinkedHashMap<>();
  /** {@code status.outputs.artifacts}: globalName exports of artifacts (name to stored location). */
  public final Map<String, ObjectNode> globalArtifacts = new LinkedHashMap<>();
  private final Map<String, Node> nodes = new LinkedHashMap<>();
  private final Map<String, Node> byName = new HashMap<>();
  /** {@code status.synchronization} as the locks stood after the last reconcile (null: none held or awaited). */
  public ObjectNode synchronization;
  /** Nodes waiting for a template-level lock, to the lock key ({@code synchronizationStatus.waiting}). */
  final Map<String, String> syncWaiting = new LinkedHashMap<>();
  /** Pod nodes handed to the executor by this engine instance (not persisted: a restart finds none). */
  final java.util.Set<String> dispatched = new java.util.HashSet<>();
  /** The final template of each dispatched pod node, needed for its outputs when it finishes. */
  final Map<String, ObjectNode> podTemplates = new HashMap<>();

  public WorkflowRun(ObjectNode metadata, ObjectNode spec, Instant creationTimestamp) {
    this.metadata = metadata;
    this.spec = spec;
    this.namespace = metadata.path("namespace").asText("default");
    this.name = metadata.path("name").asText();
    this.uid = metadata.path("uid").asText("");
    this.creationTimestamp = creationTimestamp;
  }

  public Node node(String nodeName) {
    return byName.get(nodeName);
  }

  public Node nodeById(String id) {
    return nodes.get(id);
  }

  public Collection<Node> nodes() {
    return nodes.values();
  }

  /** Bumped on every node change, so per-pass caches know when to recompute. */
  int version;
  /** How many times a node ended Failed or Error: zero means no failFast check can trigger. */
  int failures;
  /** Per-run memo: the {@code workflow.creationTimestamp.*} globals, parsed DAG shapes by DAG node id. */
  Map<String, Object> creationGlobals;
  final Map<String, Object> shapes = new HashMap<>();

  Node add(Node node) {
    version++;
    nodes.put(node.id, node);
    byName.put(node.name, node);
    return node;
  }

  /** Drops a node that only stood in for a call waiting for its lock; parents keep its id (it comes back). */
  void forget(Node node) {
    version++;
    nodes.remove(node.id);
    byName.remove(node.name);
  }

  void remove(Node node) {
    version++;
    nodes.remove(node.id);
    byName.remove(node.name);
    for (Node n : nodes.values()) {
      n.removeChild(node.id);
      n.outboundNodes.remove(node.id);
    }
  }

  public boolean completed() {
    return phase.equals("Succeeded") || phase.equals("Failed") || phase.equals("Error");
  }

  public String shutdown() {
    return spec.path("shutdown").asText("");
  }

  public boolean suspended() {
    return spec.path("suspend").asBoolean(false);
  }

  /** {@code status} as Argo writes it. */
  public ObjectNode status() {
    ObjectNode s = Json.MAPPER.createObjectNode();
    s.put("phase", phase);
    s.put("startedAt", startedAt == null ? null : Times.k8s(startedAt));
    s.put("finishedAt", finishedAt == null ? null : Times.k8s(finishedAt));
    if (message != null && !message.isEmpty()) {
      s.put("message", message);
    }
    s.put("progress", progress());
    ObjectNode n = s.putObject("nodes");
    nodes.values().forEach(node -> n.set(node.id, node.toJson()));
    syncWaiting.forEach((id, lock) -> {
      if (n.get(id) instanceof ObjectNode node) {
        node.putObject("synchronizationStatus").put("waiting", lock);
      }
    });
    if (!globalOutputs.isEmpty() || !globalArtifacts.isEmpty()) {
      ObjectNode outputs = s.putObject("outputs");
      if (!globalOutputs.isEmpty()) {
        ArrayNode params = outputs.putArray("parameters");
        globalOutputs.forEach((k, v) -> params.addObject().put("name", k).put("value", v));
      }
      if (!globalArtifacts.isEmpty()) {
        ArrayNode arts = outputs.putArray("artifacts");
        globalArtifacts.values().forEach(arts::add);
      }
    }
    if (synchronization != null) {
      s.set("synchronization", synchronization);
    }
    return s;
  }

  /** Argo's {@code N/M}: finished Pod nodes over all Pod nodes. */
  public String progress() {
    int total = 0;
    int done = 0;
    for (Node node : nodes.values()) {
      if (node.type == NodeType.Pod || node.type == NodeType.Container) {
        total++;
        if (node.phase.completed()) {
          done++;
        }
      }
    }
    return done + "/" + total;
  }

  /** Restores a run from a stored Workflow (metadata, spec, status). */
  public static WorkflowRun restore(ObjectNode metadata, ObjectNode spec, JsonNode status, Instant created) {
    WorkflowRun run = new WorkflowRun(metadata, spec, created);
    run.phase = status.path("phase").asText("");
    run.message = status.hasNonNull("message") ? status.get("message").asText() : null;
    run.startedAt = status.hasNonNull("startedAt") ? Instant.parse(status.get("startedAt").asText()) : null;
    run.finishedAt = status.hasNonNull("finishedAt") ? Instant.parse(status.get("finishedAt").asText()) : null;
    status.path("nodes").forEach(n -> {
      run.add(Node.fromJson(n));
      String waiting = n.path("synchronizationStatus").path("waiting").asText("");
      if (!waiting.isEmpty()) {
        run.syncWaiting.put(n.path("id").asText(), waiting);
      }
    });
    run.synchronization = status.get("synchronization") instanceof ObjectNode o ? o : null;
    status.path("outputs").path("parameters")
        .forEach(p -> run.globalOutputs.put(p.path("name").asText(), p.path("value").asText()));
    status.path("outputs").path("artifacts")
        .forEach(a -> run.globalArtifacts.put(a.path("name").asText(), (ObjectNode) a.deepCopy()));
    return run;
  }
}
