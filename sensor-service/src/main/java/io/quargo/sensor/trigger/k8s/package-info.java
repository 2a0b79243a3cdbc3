/**
 * The k8s trigger's parts apart from its semantics ({@link io.quargo.sensor.trigger.K8sTrigger}): where objects
 * live ({@link io.quargo.sensor.trigger.k8s.K8sTarget}: an apiserver through fabric8, or the standalone store),
 * the manifest's source, the merges, and the {@code policy.k8s} wait.
 */
package io.quargo.sensor.trigger.k8s;
