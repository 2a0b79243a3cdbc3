package io.quargo.workflow.engine;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.quargo.core.Json;
import java.time.Instant;
import java.util.HashSet;
import java.util.Iterator;
import java.util.Map;
import java.util.Set;

/**
 * {@code argo resubmit --memoized} (Argo's {@code FormulateResubmitWorkflow}): the new workflow starts with the
 * old node tree renamed to the new workflow's name. Pods that did not fail become Skipped nodes with message
 * {@code original pod: <old id>}, keeping their outputs, so they are not run again; Skipped nodes with no
 * Succeeded descendant are dropped to be decided again; every other node (failed pods, steps, DAGs, groups) is
 * Pending, and failed pods lose their times so the engine runs them again. Exit handler nodes are dropped.
 */
public final class Resubmission {
  private Resubmission() {}

  /** Argo resubmits in memoized mode only what Failed or ended in Error. */
  public static void requireFailed(String name, String phase) {
    if (!phase.equals("Failed") && !phase.equals("Error")) {
      throw new EngineException("workflow must be Failed/Error to resubmit in memoized mode (" + name + " is "
          + (phase.isEmpty() ? "not finished" : phase) + ")");
    }
  }

  /** The new workflow's {@code status}: phase unknown (empty) and the carried-over nodes. */
  public static ObjectNode memoizedStatus(String oldName, JsonNode oldStatus, String newName, Instant now) {
    JsonNode oldNodes = oldStatus.path("nodes");
    ObjectNode status = Json.MAPPER.createObjectNode().put("phase", "");
    ObjectNode nodes = status.putObject("nodes");
    Set<String> dropped = new HashSet<>();
    for (Iterator<Map.Entry<String, JsonNode>> it = oldNodes.fields(); it.hasNext(); ) {
      JsonNode old = it.next().getValue();
      String name = old.path("name").asText();
      if (name.startsWith(oldName + ".onExit")) {
        dropped.add(old.path("id").asText());
        continue;
      }
      String type = old.path("type").asText();
      String phase = old.path("phase").asText();
      boolean failed = phase.equals("Failed") || phase.equals("Error");
      if (type.equals("Skipped") && !descendantSucceeded(oldNodes, old, new HashSet<>())) {
        dropped.add(old.path("id").asText());
        continue;
      }
      ObjectNode n = renamed((ObjectNode) old, oldName, newName, oldNodes);
      if (failed && type.equals("Pod")) {
        n.putNull("startedAt");
        n.putNull("finishedAt");
      } else {
        n.put("startedAt", Times.k8s(now));
        n.put("finishedAt", Times.k8s(now));
      }
      if (!failed && type.equals("Pod")) {
        n.put("phase", "Skipped").put("type", "Skipped").put("message", "original pod: " + old.path("id").asText());
      } else {
        n.put("phase", "Pending");
        n.remove("message");
      }
      nodes.set(n.get("id").asText(), n);
    }
    Set<String> droppedNew = new HashSet<>();
    for (String id : dropped) {
      droppedNew.add(NodeNames.nodeId(newName, rename(oldNodes.path(id).path("name").asText(), oldName, newName)));
    }
    nodes.forEach(n -> {
      removeAll((ArrayNode) n.get("children"), droppedNew);
      removeAll((ArrayNode) n.get("outboundNodes"), droppedNew);
    });
    return status;
  }

  /** Puts the nodes a memoized resubmission carried over into a freshly prepared run. */
  public static void seed(WorkflowRun run, JsonNode status) {
    status.path("nodes").forEach(n -> run.add(Node.fromJson(n)));
  }

  /** A pod node a memoized resubmission set back to Pending: it has never started in this workflow. */
  static boolean awaitsRerun(Node node) {
    return node.type == NodeType.Pod && node.phase == NodePhase.Pending && node.startedAt == null;
  }

  private static ObjectNode renamed(ObjectNode old, String oldName, String newName, JsonNode oldNodes) {
    ObjectNode n = old.deepCopy();
    String name = rename(old.path("name").asText(), oldName, newName);
    n.put("name", name).put("id", NodeNames.nodeId(newName, name));
    if (old.hasNonNull("boundaryID")) {
      n.put("boundaryID", newId(old.get("boundaryID").asText(), oldName, newName, oldNodes));
    }
    for (String list : new String[] {"children", "outboundNodes"}) {
      if (old.get(list) instanceof ArrayNode ids) {
        ArrayNode renamed = n.putArray(list);
        ids.forEach(id -> renamed.add(newId(id.asText(), oldName, newName, oldNodes)));
      }
    }
    if (old.hasNonNull("podName")) {
      n.put("podName", NodeNames.podName(newName, name, old.path("templateName").asText(null)));
    }
    return n;
  }

  private static String newId(String oldId, String oldName, String newName, JsonNode oldNodes) {
    JsonNode node = oldNodes.path(oldId);
    return node.isMissingNode() ? oldId : NodeNames.nodeId(newName, rename(node.path("name").asText(), oldName,
        newName));
  }

  private static String rename(String nodeName, String oldName, String newName) {
    return nodeName.startsWith(oldName) ? newName + nodeName.substring(oldName.length()) : nodeName;
  }

  private static boolean descendantSucceeded(JsonNode nodes, JsonNode node, Set<String> seen) {
    for (JsonNode c : node.path("children")) {
      JsonNode child = nodes.path(c.asText());
      if (child.isMissingNode() || !seen.add(c.asText())) {
        continue;
      }
      if (child.path("phase").asText().equals("Succeeded") || descendantSucceeded(nodes, child, seen)) {
        return true;
      }
    }
    return false;
  }

  private static void removeAll(ArrayNode ids, Set<String> drop) {
    if (ids == null) {
      return;
    }
    for (int i = ids.size() - 1; i >= 0; i--) {
      if (drop.contains(ids.get(i).asText())) {
        ids.remove(i);
      }
    }
  }
}
