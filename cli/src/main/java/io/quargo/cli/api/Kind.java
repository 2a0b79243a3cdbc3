package io.quargo.cli.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.quargo.core.Json;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Each kind the CLI can apply, get and delete, with its REST collection and the request field that
 * carries the object. Argo's (and Argo CD's) own paths where they have them; EventBus and
 * WorkflowEventBinding writes are Quargo additions (docs/cli.md).
 */
public enum Kind {
  WORKFLOW("Workflow", "/api/v1/workflows", true, "workflow", null,
      "workflow", "workflows", "wf"),
  WORKFLOW_TEMPLATE("WorkflowTemplate", "/api/v1/workflow-templates", true, "template", "template",
      "workflowtemplate", "workflowtemplates", "wftmpl"),
  CLUSTER_WORKFLOW_TEMPLATE("ClusterWorkflowTemplate", "/api/v1/cluster-workflow-templates", false, "template",
      "template", "clusterworkflowtemplate", "clusterworkflowtemplates", "cwftmpl", "cwft"),
  CRON_WORKFLOW("CronWorkflow", "/api/v1/cron-workflows", true, "cronWorkflow", "cronWorkflow",
      "cronworkflow", "cronworkflows", "cronwf", "cwf"),
  WORKFLOW_EVENT_BINDING("WorkflowEventBinding", "/api/v1/workflow-event-bindings", true, "workflowEventBinding",
      "workflowEventBinding", "workfloweventbinding", "workfloweventbindings", "wfeb"),
  EVENT_SOURCE("EventSource", "/api/v1/event-sources", true, "eventSource", "eventSource",
      "eventsource", "eventsources", "es"),
  SENSOR("Sensor", "/api/v1/sensors", true, "sensor", "sensor", "sensor", "sensors", "sn"),
  EVENT_BUS("EventBus", "/api/v1/event-buses", true, "eventBus", "eventBus", "eventbus", "eventbuses", "eb"),
  /** v1 ConfigMaps (semaphore limits in standalone): a Quargo-only collection. */
  CONFIG_MAP("ConfigMap", "/api/v1/config-maps", true, "configMap", "configMap", "configmap", "configmaps", "cm") {
    @Override
    public String resourceName() {
      return "configmap"; // the core group: kubectl prints configmap/NAME
    }
  },
  /** v1 Secrets (webhook tokens, trigger credentials in standalone): a Quargo-only collection; never shows values. */
  SECRET("Secret", "/api/v1/secrets", true, "secret", "secret", "secret", "secrets") {
    @Override
    public String resourceName() {
      return "secret"; // the core group: kubectl prints secret/NAME
    }
  },
  /** Argo CD's ApplicationService: the object is the body; its namespace travels inside it. */
  APPLICATION("Application", "/api/v1/applications", true, null, null, "application", "applications", "app") {
    @Override
    public String collectionPath(String namespace) {
      return "/api/v1/applications";
    }

    @Override
    public ObjectNode createRequest(String namespace, JsonNode object) {
      return (ObjectNode) object;
    }

    @Override
    public ObjectNode updateRequest(String namespace, String name, JsonNode object) {
      return (ObjectNode) object;
    }
  },
  /** Argo CD's ProjectService: {"project": ..} on create and update. */
  APP_PROJECT("AppProject", "/api/v1/projects", false, "project", "project", "appproject", "appprojects", "proj") {
    @Override
    public ObjectNode updateRequest(String namespace, String name, JsonNode object) {
      ObjectNode body = Json.object();
      body.set("project", object);
      return body;
    }
  },
  /** Argo CD's ApplicationSetService: the object is the body; an update is a create with upsert=true. */
  APPLICATION_SET("ApplicationSet", "/api/v1/applicationsets", true, null, null,
      "applicationset", "applicationsets", "appset") {
    @Override
    public String collectionPath(String namespace) {
      return "/api/v1/applicationsets";
    }

    @Override
    public ObjectNode createRequest(String namespace, JsonNode object) {
      return (ObjectNode) object;
    }

    @Override
    public ObjectNode updateRequest(String namespace, String name, JsonNode object) {
      return (ObjectNode) object;
    }

    @Override
    public String updateMethod() {
      return "POST";
    }

    @Override
    public String updatePath(String namespace, String name) {
      return "/api/v1/applicationsets?upsert=true";
    }
  };

  private final String kind;
  private final String collection;
  private final boolean namespaced;
  private final String createField;
  private final String updateField;
  private final List<String> names;

  Kind(String kind, String collection, boolean namespaced, String createField, String updateField,
      String... names) {
    this.kind = kind;
    this.collection = collection;
    this.namespaced = namespaced;
    this.createField = createField;
    this.updateField = updateField;
    this.names = List.of(names);
  }

  /** The kind named like kubectl does: Kind, lower-case, plural or short name. */
  public static Optional<Kind> named(String name) {
    String n = name.toLowerCase(Locale.ROOT);
    return Arrays.stream(values()).filter(k -> k.names.contains(n)).findFirst();
  }

  public static String allNames() {
    return String.join(", ", Arrays.stream(values()).map(k -> k.kind).toList());
  }

  public String kind() {
    return kind;
  }

  public boolean namespaced() {
    return namespaced;
  }

  /** Workflows cannot be updated through the Argo Server API, only created. */
  public boolean updatable() {
    return this != WORKFLOW;
  }

  public String updateMethod() {
    return "PUT";
  }

  public String updatePath(String namespace, String name) {
    return itemPath(namespace, name);
  }

  public String collectionPath(String namespace) {
    return namespaced ? collection + "/" + ArgoClient.segment(namespace) : collection;
  }

  public String itemPath(String namespace, String name) {
    return collectionPath(namespace) + "/" + ArgoClient.segment(name);
  }

  /** e.g. {"namespace":"ns","template":{..}} for POST .../workflow-templates/{ns} (and .../lint). */
  public ObjectNode createRequest(String namespace, JsonNode object) {
    ObjectNode body = Json.object();
    if (namespaced) {
      body.put("namespace", namespace);
    }
    body.set(createField, object);
    return body;
  }

  /** e.g. {"namespace":"ns","name":"x","template":{..}} for PUT .../workflow-templates/{ns}/{name}. */
  public ObjectNode updateRequest(String namespace, String name, JsonNode object) {
    ObjectNode body = Json.object();
    if (namespaced) {
      body.put("namespace", namespace);
    }
    body.put("name", name);
    body.set(updateField, object);
    return body;
  }

  /** The name used in "kind.group/name created" lines, as kubectl prints them. */
  public String resourceName() {
    return kind.toLowerCase(Locale.ROOT) + ".argoproj.io";
  }
}
