package io.quargo.workflow.controller;

import io.quargo.core.resource.ArgoKinds;
import io.quargo.core.resource.Resource;
import io.quargo.core.resource.ResourceStore;
import io.quargo.core.workflow.lint.TemplateResolver;
import java.util.Optional;

/** WorkflowTemplates of one namespace and the ClusterWorkflowTemplates, read from the store when needed. */
public record StoreTemplates(ResourceStore store, String namespace) implements TemplateResolver {
  @Override
  public Optional<Resource> workflowTemplate(String name, boolean clusterScope) {
    return clusterScope ? store.get(ArgoKinds.CLUSTER_WORKFLOW_TEMPLATE, null, name)
        : store.get(ArgoKinds.WORKFLOW_TEMPLATE, namespace, name);
  }
}
