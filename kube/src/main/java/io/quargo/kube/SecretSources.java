package io.quargo.kube;

import io.quargo.core.resource.ResourceStore;
import io.quargo.core.secret.SecretResolver;
import io.quargo.core.secret.StoreSecretResolver;

/**
 * Where a service reads Secrets ({@value #KEY}): {@code store} (default) the Secrets applied to Quargo's resource
 * store ({@code quargo apply -f secret.yaml}), {@code kubernetes} the apiserver of the in-cluster account or the
 * kubeconfig.
 */
public final class SecretSources {
  public static final String KEY = "quargo.secrets.source";

  private SecretSources() {}

  /**
   * @param cluster the service's apiserver access (its owner closes it)
   * @throws IllegalArgumentException saying what to set when {@code source} is unknown or cannot work here
   */
  public static SecretResolver of(String source, ResourceStore store, ClusterAccess cluster) {
    return switch (source.trim()) {
      case "store" -> new StoreSecretResolver(store);
      case "kubernetes" -> {
        if (!cluster.available()) {
          throw new IllegalArgumentException(KEY + "=kubernetes: " + ClusterAccess.missing("Secrets from the apiserver")
              + "; or apply the Secrets to Quargo (quargo apply -f secret.yaml) and use " + KEY + "=store");
        }
        yield new KubernetesSecretResolver(cluster);
      }
      default -> throw new IllegalArgumentException(KEY + " is '" + source + "': use store (Secrets applied to "
          + "Quargo) or kubernetes (Secrets of the cluster)");
    };
  }
}
