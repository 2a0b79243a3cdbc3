package io.quargo.standalone.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.quargo.core.Json;
import io.quargo.core.resource.ArgoKinds;
import io.quargo.core.resource.Resource;
import io.quargo.core.resource.ResourceStore;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * {@code GET /api/v1/workflows/{ns}/{name}/log}: the stored logs of a workflow's pods, one
 * {@code {"result":{"content":line,"podName":..}}} per line. With {@code podName} only that pod; with
 * {@code follow} it keeps reading as lines arrive until the pod (or, without podName, the workflow) ends.
 * Logs come from the local executor's files, so they survive the process that wrote them.
 */
public final class WorkflowLogs {
  private static final Set<String> NODE_DONE = Set.of("Succeeded", "Failed", "Error", "Skipped", "Omitted");
  private static final Set<String> WORKFLOW_DONE = Set.of("Succeeded", "Failed", "Error");

  /** Reads a node's log of one container. */
  public interface LogReader {
    Optional<String> read(String namespace, String nodeId, String container);
  }

  /** Where lines go; {@code false} once the client has gone. */
  public interface LineSink {
    boolean write(JsonNode line);
  }

  private final ResourceStore store;
  private final LogReader reader;
  private final long pollMillis;

  public WorkflowLogs(ResourceStore store, LogReader reader, long pollMillis) {
    this.store = store;
    this.reader = reader;
    this.pollMillis = pollMillis;
  }

  /** Fails with NotFound before any output, so the client gets a proper error instead of a cut stream. */
  public void check(String namespace, String name, String podName) {
    Resource wf = workflow(namespace, name);
    if (podName != null && !podName.isEmpty() && pods(wf, podName).isEmpty()
        && WORKFLOW_DONE.contains(wf.status().path("phase").asText())) {
      throw ApiException.notFound("pod \"" + podName + "\" is not part of workflow " + name
          + ": see status.nodes[*].podName");
    }
  }

  public void stream(String namespace, String name, String podName, String container, boolean follow,
      LineSink sink) throws InterruptedException {
    Map<String, Integer> sent = new HashMap<>();
    while (true) {
      Resource wf = workflow(namespace, name);
      boolean workflowDone = WORKFLOW_DONE.contains(wf.status().path("phase").asText());
      List<JsonNode> pods = pods(wf, podName);
      boolean allDone = true;
      for (JsonNode pod : pods) {
        boolean done = NODE_DONE.contains(pod.path("phase").asText());
        allDone &= done;
        if (!emit(namespace, pod, container, done, sent, sink)) {
          return;
        }
      }
      boolean podGiven = podName != null && !podName.isEmpty();
      if (!follow || workflowDone || podGiven && !pods.isEmpty() && allDone) {
        return;
      }
      Thread.sleep(pollMillis);
    }
  }

  /** Sends the complete lines not sent yet (and a last partial line once the pod is done). */
  private boolean emit(String namespace, JsonNode pod, String container, boolean done, Map<String, Integer> sent,
      LineSink sink) {
    String id = pod.path("id").asText();
    String text = reader.read(namespace, id, container).orElse("");
    int from = sent.getOrDefault(id, 0);
    int end = done ? text.length() : text.lastIndexOf('\n') + 1;
    if (end <= from) {
      return true;
    }
    String chunk = text.substring(from, end);
    sent.put(id, end);
    String body = chunk.endsWith("\n") ? chunk.substring(0, chunk.length() - 1) : chunk;
    for (String line : body.split("\n", -1)) {
      ObjectNode out = Json.MAPPER.createObjectNode();
      out.putObject("result").put("content", line).put("podName", pod.path("podName").asText());
      if (!sink.write(out)) {
        return false;
      }
    }
    return true;
  }

  private Resource workflow(String namespace, String name) {
    return store.get(ArgoKinds.WORKFLOW, namespace, name).orElseThrow(() -> ApiException.notFound(
        "workflows.argoproj.io \"" + name + "\" not found in namespace " + namespace));
  }

  /** Pod nodes in start order, or the one named. */
  private static List<JsonNode> pods(Resource wf, String podName) {
    List<JsonNode> pods = new ArrayList<>();
    wf.status().path("nodes").forEach(n -> {
      String pod = n.path("podName").asText("");
      if (!pod.isEmpty() && (podName == null || podName.isEmpty() || pod.equals(podName))) {
        pods.add(n);
      }
    });
    pods.sort((a, b) -> a.path("startedAt").asText("").compareTo(b.path("startedAt").asText("")));
    return pods;
  }
}
