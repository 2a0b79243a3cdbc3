/**
 * Access to a Kubernetes apiserver ({@link io.quargo.kube.ClusterAccess}): the in-cluster service account or a
 * kubeconfig, else a clear reason why there is none. Shared by the resource EventSource and the k8s trigger.
 */
package io.quargo.kube;
