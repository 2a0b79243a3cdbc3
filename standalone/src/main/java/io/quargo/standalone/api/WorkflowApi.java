package io.quargo.standalone.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.quargo.core.Json;
import io.quargo.core.resource.ArgoKinds;
import io.quargo.core.resource.Resource;
import io.quargo.core.resource.ResourceList;
import io.quargo.core.resource.ResourceStore;
import io.quargo.workflow.controller.StoreTemplates;
import io.quargo.workflow.controller.WorkflowController;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Argo Server's WorkflowService without the actions: create (validated first, as Argo does), list, get,
 * delete, lint and submit-from-template. The controller's watch starts whatever gets stored.
 */
public final class WorkflowApi {
  private final ResourceStore store;
  private final WorkflowController controller;
  private final ResourceApi workflows;

  public WorkflowApi(ResourceStore store, WorkflowController controller) {
    this.store = store;
    this.controller = controller;
    this.workflows = new ResourceApi(store, ArgoKinds.WORKFLOW, "workflow", true);
  }

  /** {@code {"workflow":{..},"serverDryRun":bool}}; a dry run is validated and returned, not stored. */
  public JsonNode create(String namespace, String body) {
    RequestBody request = RequestBody.parse(body);
    ObjectNode wf = workflows.lint(namespace, body).deepCopy();
    if (request.bool("serverDryRun")) {
      return wf;
    }
    return controller.submit(Resource.of(wf)).tree();
  }

  /**
   * {@code listOptions.labelSelector}; {@code workflows.argoproj.io/phase} and {@code .../completed} are
   * matched against the status, since Quargo's controller does not write them as labels.
   */
  public JsonNode list(String namespace, String labelSelector) {
    LabelSelector selector = LabelSelector.parse(labelSelector, "listOptions.labelSelector");
    ResourceList list = store.list(ArgoKinds.WORKFLOW, namespace);
    List<Resource> items = list.items().stream().filter(r -> selector.matches(labels(r))).toList();
    return ResourceApi.listAnswer(list.resourceVersion(), items);
  }

  public JsonNode get(String namespace, String name) {
    return workflows.get(namespace, name);
  }

  public JsonNode delete(String namespace, String name) {
    return workflows.delete(namespace, name);
  }

  public JsonNode lint(String namespace, String body) {
    return workflows.lint(namespace, body);
  }

  /**
   * {@code {"resourceKind","resourceName","submitOptions"}}: a Workflow from a WorkflowTemplate,
   * ClusterWorkflowTemplate or CronWorkflow, which must exist.
   */
  public JsonNode submit(String namespace, String body) {
    RequestBody request = RequestBody.parse(body);
    String kind = request.text("resourceKind");
    String name = request.text("resourceName");
    if (name == null || name.isEmpty()) {
      throw ApiException.invalid("resourceName is missing: name the " + (kind == null ? "template" : kind)
          + " to submit");
    }
    ObjectNode wf = switch (kind == null ? "" : kind) {
      case "WorkflowTemplate", "workflowtemplate" -> {
        require(ArgoKinds.WORKFLOW_TEMPLATE.kind(), store.get(ArgoKinds.WORKFLOW_TEMPLATE, namespace, name), name);
        yield WorkflowSubmissions.fromTemplate(namespace, name, false);
      }
      case "ClusterWorkflowTemplate", "clusterworkflowtemplate" -> {
        require("ClusterWorkflowTemplate", store.get(ArgoKinds.CLUSTER_WORKFLOW_TEMPLATE, null, name), name);
        yield WorkflowSubmissions.fromTemplate(namespace, name, true);
      }
      case "CronWorkflow", "cronworkflow", "cronwf" -> WorkflowSubmissions.fromCronWorkflow(
          require("CronWorkflow", store.get(ArgoKinds.CRON_WORKFLOW, namespace, name), name));
      default -> throw ApiException.invalid("resourceKind is \"" + (kind == null ? "" : kind)
          + "\": use WorkflowTemplate, ClusterWorkflowTemplate or CronWorkflow");
    };
    WorkflowSubmissions.applySubmitOptions(wf, request.optionalObject("submitOptions"));
    ManifestLint.check(wf, "workflow", "Workflow", new StoreTemplates(store, namespace));
    return controller.submit(Resource.of(wf)).tree();
  }

  /**
   * {@code argo resubmit}: {@code {"memoized","parameters":["k=v"]}}. Memoized (a Failed or Error workflow only)
   * carries the succeeded nodes over, so only what failed runs again.
   */
  public JsonNode resubmit(String namespace, String name, String body) {
    RequestBody request = RequestBody.parse(body);
    Resource old = store.get(ArgoKinds.WORKFLOW, namespace, name)
        .orElseThrow(() -> workflows.notFound(namespace, name));
    Map<String, String> parameters = RequestBody.parameters(request.root(), "parameters", "parameters");
    ObjectNode wf = WorkflowSubmissions.resubmit(old, parameters);
    if (request.bool("memoized")) {
      WorkflowSubmissions.memoize(wf, controller.hydrate(old), java.time.Instant.now());
    }
    return controller.submit(Resource.of(wf)).tree();
  }

  /** The workflow's labels plus the phase labels Argo's controller would have set. */
  static Map<String, String> labels(Resource r) {
    Map<String, String> labels = new HashMap<>(r.labels());
    String phase = r.status().path("phase").asText("");
    if (!phase.isEmpty()) {
      labels.putIfAbsent(WorkflowSubmissions.LABEL_PREFIX + "phase", phase);
    }
    boolean done = phase.equals("Succeeded") || phase.equals("Failed") || phase.equals("Error");
    labels.putIfAbsent(WorkflowSubmissions.LABEL_PREFIX + "completed", Boolean.toString(done));
    return labels;
  }

  private static <T> T require(String kind, java.util.Optional<T> found, String name) {
    return found.orElseThrow(() -> ApiException.notFound(kind + " \"" + name + "\" not found: create it first"));
  }

  static ObjectNode empty() {
    return Json.MAPPER.createObjectNode();
  }
}
