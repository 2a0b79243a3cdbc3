package io.quargo.eventsource.resource;

import java.util.List;
import java.util.Map;

/**
 * One {@code spec.resource} entry: what to watch (group/version/resource in {@code namespace}, every namespace when
 * null), which changes become events, and the filters.
 *
 * @param labelSelector Kubernetes label selector built from {@code filter.labels}, applied by the apiserver; null for none
 */
public record ResourceSource(String namespace, String eventSource, String eventName, String watchNamespace,
    String group, String version, String resource, List<ResourceEventType> eventTypes, String labelSelector,
    ResourceFilter filter, Map<String, String> metadata) {

  /** {@code group/version}, or {@code version} for the core group, as in an apiVersion. */
  public String apiVersion() {
    return group.isEmpty() ? version : group + "/" + version;
  }
}
