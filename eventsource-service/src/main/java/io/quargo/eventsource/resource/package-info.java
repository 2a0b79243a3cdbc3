/**
 * The resource EventSource ({@code spec.resource}): {@link io.quargo.eventsource.resource.ResourceSpecParser}
 * reads the spec into {@link io.quargo.eventsource.resource.ResourceSource}s and
 * {@link io.quargo.eventsource.resource.ResourceAdapter} runs a fabric8 informer on each group/version/resource,
 * publishing adds, updates and deletes as {@code resource} CloudEvents.
 *
 * <p>As Argo: {@code namespace} (empty: all), {@code group}, {@code version}, {@code resource} (the plural),
 * {@code eventTypes}, {@code filter} ({@code prefix}, {@code labels} as an apiserver label selector,
 * {@code fields} as regular expressions on dot paths, {@code createdBy}, {@code afterStart}), {@code metadata};
 * {@code data} is {@code {type, body, oldBody, group, version, resource, metadata}}; a new informer reports
 * existing objects as ADD.
 *
 * <p>Ours: event ids per object state (uid, resourceVersion), so relists and handovers between replicas do not
 * duplicate events on the bus; a publish the bus refused is retried instead of dropped. Without an apiserver
 * ({@link io.quargo.kube.ClusterAccess}) a source does not start and says why in status.
 */
package io.quargo.eventsource.resource;
