package io.quargo.core.resource;

import java.util.List;
import java.util.Optional;

/** The argoproj.io/v1alpha1 kinds users bring unchanged. */
public final class ArgoKinds {
  private static final String GROUP = "argoproj.io";
  private static final String VERSION = "v1alpha1";

  public static final ResourceKind WORKFLOW = namespaced("Workflow", "workflows");
  public static final ResourceKind WORKFLOW_TEMPLATE = namespaced("WorkflowTemplate", "workflowtemplates");
  public static final ResourceKind CLUSTER_WORKFLOW_TEMPLATE =
      new ResourceKind(GROUP, VERSION, "ClusterWorkflowTemplate", "clusterworkflowtemplates", false);
  public static final ResourceKind CRON_WORKFLOW = namespaced("CronWorkflow", "cronworkflows");
  public static final ResourceKind EVENT_SOURCE = namespaced("EventSource", "eventsources");
  public static final ResourceKind SENSOR = namespaced("Sensor", "sensors");
  public static final ResourceKind EVENT_BUS = namespaced("EventBus", "eventbus");
  public static final ResourceKind ROLLOUT = namespaced("Rollout", "rollouts");
  public static final ResourceKind ANALYSIS_TEMPLATE = namespaced("AnalysisTemplate", "analysistemplates");
  public static final ResourceKind APPLICATION = namespaced("Application", "applications");
  public static final ResourceKind APP_PROJECT = namespaced("AppProject", "appprojects");
  /** Core v1 ConfigMap: the limits of synchronization semaphores live in one. */
  public static final ResourceKind CONFIG_MAP = new ResourceKind("", "v1", "ConfigMap", "configmaps", true);
  /** Core v1 Secret: webhook tokens, trigger credentials (io.quargo.core.secret). */
  public static final ResourceKind SECRET = new ResourceKind("", "v1", "Secret", "secrets", true);

  public static final List<ResourceKind> ALL =
      List.of(WORKFLOW, WORKFLOW_TEMPLATE, CLUSTER_WORKFLOW_TEMPLATE, CRON_WORKFLOW, EVENT_SOURCE,
          SENSOR, EVENT_BUS, ROLLOUT, ANALYSIS_TEMPLATE, APPLICATION, APP_PROJECT, CONFIG_MAP,
          SECRET);

  private ArgoKinds() {}

  /** Looks a kind up by its Kind name, plural or lower-case name, as kubectl accepts them. */
  public static Optional<ResourceKind> find(String name) {
    return ALL.stream()
        .filter(k -> k.kind().equalsIgnoreCase(name) || k.plural().equalsIgnoreCase(name))
        .findFirst();
  }

  private static ResourceKind namespaced(String kind, String plural) {
    return new ResourceKind(GROUP, VERSION, kind, plural, true);
  }
}
