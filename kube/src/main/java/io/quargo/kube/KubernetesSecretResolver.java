package io.quargo.kube;

import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.quargo.core.Json;
import io.quargo.core.secret.SecretData;
import io.quargo.core.secret.SecretResolver;

/**
 * Cluster mode: Secrets read from the apiserver (the in-cluster service account or the kubeconfig). Each lookup is
 * one GET, so a changed Secret is seen by the next lookup; the account needs {@code get} on {@code secrets}.
 */
public final class KubernetesSecretResolver implements SecretResolver {
  private final ClusterAccess cluster;

  public KubernetesSecretResolver(ClusterAccess cluster) {
    this.cluster = cluster;
  }

  /**
   * @throws IllegalStateException when the apiserver cannot be asked (no access, unreachable, forbidden): unlike a
   *     missing secret this is not the manifest's fault, so it is not answered with null
   */
  @Override
  public String resolve(String namespace, String name, String key) {
    Secret secret;
    try {
      secret = cluster.client().secrets().inNamespace(namespace).withName(name).get();
    } catch (KubernetesClientException e) {
      // the message only: it names the request, never a secret's value
      throw new IllegalStateException("cannot read secret " + namespace + "/" + name + " from the apiserver: "
          + e.getMessage(), e);
    }
    return secret == null ? null : SecretData.value(Json.MAPPER.valueToTree(secret), key);
  }
}
