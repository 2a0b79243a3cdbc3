package io.quargo.standalone.api;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import io.quargo.core.Json;
import io.quargo.core.resource.ArgoKinds;
import io.quargo.core.resource.ResourceStore;
import io.quargo.workflow.controller.WorkflowController;
import io.quargo.workflow.engine.WorkflowActions;
import io.quargo.workflow.engine.WorkflowRun;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;

/**
 * {@code PUT /api/v1/workflows/{ns}/{name}/<action>} with Argo's bodies: resume {@code {nodeFieldSelector}},
 * suspend {@code {}}, stop {@code {nodeFieldSelector, message}}, terminate {@code {}}, retry
 * {@code {restartSuccessful, nodeFieldSelector, parameters}}, set {@code {nodeFieldSelector, phase, message,
 * outputParameters}} where outputParameters is a JSON object in a string, as {@code argo node set} sends it.
 * Each answers the workflow after the change.
 */
public final class WorkflowActionsApi {
  private static final Set<String> SET_PHASES = Set.of("Succeeded", "Failed", "Error", "Running", "Pending");

  private final ResourceStore store;
  private final WorkflowController controller;
  private final Clock clock;

  public WorkflowActionsApi(ResourceStore store, WorkflowController controller, Clock clock) {
    this.store = store;
    this.controller = controller;
    this.clock = clock;
  }

  public JsonNode act(String namespace, String name, String action, String body) {
    RequestBody request = RequestBody.parse(body);
    JsonNode root = request.root();
    Consumer<WorkflowRun> change = switch (action) {
      case "suspend" -> WorkflowActions::suspend;
      case "terminate" -> WorkflowActions::terminate;
      case "stop" -> {
        String message = request.text("message");
        String selector = request.text("nodeFieldSelector");
        yield run -> WorkflowActions.stop(run, selector, message, clock.instant());
      }
      case "resume" -> {
        String selector = request.text("nodeFieldSelector");
        yield run -> WorkflowActions.resume(run, selector, Map.of(), clock.instant());
      }
      case "retry" -> {
        boolean restartSuccessful = request.bool("restartSuccessful");
        String selector = request.text("nodeFieldSelector");
        Map<String, String> parameters = RequestBody.parameters(root, "parameters", "parameters");
        yield run -> WorkflowActions.retry(run, restartSuccessful, selector, parameters);
      }
      case "set" -> set(request);
      default -> throw ApiException.notFound("no workflow action \"" + action
          + "\": use resume, suspend, stop, terminate, retry, resubmit or set");
    };
    if (store.get(ArgoKinds.WORKFLOW, namespace, name).isEmpty()) {
      throw ApiException.notFound("workflows.argoproj.io \"" + name + "\" not found in namespace " + namespace);
    }
    return controller.act(namespace, name, change).tree();
  }

  private Consumer<WorkflowRun> set(RequestBody request) {
    String selector = request.text("nodeFieldSelector");
    if (selector == null || selector.isBlank()) {
      throw ApiException.invalid("nodeFieldSelector is missing: say which nodes to set, e.g. displayName=approve");
    }
    String phase = emptyToNull(request.text("phase"));
    if (phase != null && !SET_PHASES.contains(phase)) {
      throw ApiException.invalid("phase is \"" + phase + "\": use one of " + SET_PHASES);
    }
    String message = emptyToNull(request.text("message"));
    Map<String, String> outputs = outputParameters(request.text("outputParameters"));
    return run -> {
      if (WorkflowActions.set(run, selector, phase, message, outputs, clock.instant()) == 0) {
        throw ApiException.invalid("nodeFieldSelector \"" + selector + "\" matches no node of " + run.name);
      }
    };
  }

  /** {@code "{\"approve\":\"YES\"}"}: a JSON object of strings, itself sent as a string. */
  static Map<String, String> outputParameters(String text) {
    Map<String, String> out = new LinkedHashMap<>();
    if (text == null || text.isBlank()) {
      return out;
    }
    JsonNode tree;
    try {
      tree = Json.MAPPER.readTree(text);
    } catch (JsonProcessingException e) {
      throw ApiException.invalid("outputParameters is not a JSON object in a string (" + e.getOriginalMessage()
          + "): send e.g. \"{\\\"approve\\\":\\\"YES\\\"}\"");
    }
    if (!tree.isObject()) {
      throw ApiException.invalid("outputParameters must hold a JSON object, e.g. {\"approve\":\"YES\"}");
    }
    tree.fields().forEachRemaining(e -> out.put(e.getKey(),
        e.getValue().isTextual() ? e.getValue().textValue() : e.getValue().toString()));
    return out;
  }

  private static String emptyToNull(String s) {
    return s == null || s.isEmpty() ? null : s;
  }
}
