package io.quargo.standalone.workflow;

import io.quargo.core.resource.ResourceStore;
import io.quargo.core.secret.SecretResolver;
import io.quargo.core.secret.StoreSecretResolver;
import io.quargo.eventsource.resource.ClusterAccess;
import io.quargo.eventsource.resource.KubernetesSecretResolver;

/**
 * Where the server reads Secrets ({@code quargo.secrets.source}): {@code store} (default) the Secrets applied through
 * {@code /api/v1/secrets/{ns}}, {@code kubernetes} the apiserver of the in-cluster account or the kubeconfig.
 */
record SecretSource(SecretResolver resolver, ClusterAccess cluster) implements AutoCloseable {
  static final String KEY = "quargo.secrets.source";

  static SecretSource of(String source, ResourceStore store) {
    return switch (source.trim()) {
      case "store" -> new SecretSource(new StoreSecretResolver(store), ClusterAccess.none());
      case "kubernetes" -> {
        ClusterAccess cluster = ClusterAccess.fromEnvironment();
        if (!cluster.available()) {
          throw new IllegalStateException(KEY + "=kubernetes but " + ClusterAccess.MISSING);
        }
        yield new SecretSource(new KubernetesSecretResolver(cluster), cluster);
      }
      default -> throw new IllegalStateException(KEY + " is '" + source + "': use store (Secrets applied to this "
          + "server) or kubernetes (Secrets of the cluster)");
    };
  }

  @Override
  public void close() {
    cluster.close();
  }
}
