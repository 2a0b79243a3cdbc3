package io.quargo.kube;

import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientBuilder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.function.Supplier;

/**
 * The Kubernetes apiserver the {@code resource} sources watch and {@code k8s} triggers write to, or why there is
 * none. In a cluster the pod's service account is used; elsewhere the kubeconfig ({@code KUBECONFIG}, else
 * {@code ~/.kube/config}). The standalone server usually has neither, and a resource source then fails with
 * {@link #MISSING} in its status.
 */
public final class ClusterAccess implements AutoCloseable {
  /** Why there is no apiserver, and how to give one. */
  public static final String REASON = "no in-cluster service account, KUBECONFIG or ~/.kube/config was found; "
      + "run in a cluster or point KUBECONFIG at one";

  /** Why {@code what} (plural) cannot work without an apiserver, and how to give it one. */
  public static String missing(String what) {
    return what + " need cluster mode or a kubeconfig: " + REASON;
  }

  /** Why the resource sources cannot start without an apiserver. */
  public static final String MISSING = missing("resource sources");

  private final Supplier<KubernetesClient> factory;
  private final boolean owned;
  private KubernetesClient client;

  private ClusterAccess(Supplier<KubernetesClient> factory, boolean owned) {
    this.factory = factory;
    this.owned = owned;
  }

  /** A client the caller owns (and closes). */
  public static ClusterAccess of(KubernetesClient client) {
    return new ClusterAccess(() -> client, false);
  }

  /** No apiserver: every resource source fails to start with {@link #MISSING}. */
  public static ClusterAccess none() {
    return new ClusterAccess(null, false);
  }

  /** The in-cluster account or the kubeconfig when either exists (connected on first use), else {@link #none}. */
  public static ClusterAccess fromEnvironment() {
    boolean inCluster = System.getenv("KUBERNETES_SERVICE_HOST") != null
        && Files.exists(Path.of("/var/run/secrets/kubernetes.io/serviceaccount/token"));
    String kubeconfig = System.getenv("KUBECONFIG");
    boolean configured = kubeconfig != null && Arrays.stream(kubeconfig.split(java.io.File.pathSeparator))
        .anyMatch(f -> !f.isBlank() && Files.isRegularFile(Path.of(f)));
    boolean home = Files.isRegularFile(Path.of(System.getProperty("user.home"), ".kube", "config"));
    return inCluster || configured || home
        ? new ClusterAccess(() -> new KubernetesClientBuilder().build(), true) : none();
  }

  public boolean available() {
    return factory != null;
  }

  /** The client, created on first use; throws {@link IllegalStateException} with {@link #MISSING} without one. */
  public synchronized KubernetesClient client() {
    if (factory == null) {
      throw new IllegalStateException(MISSING);
    }
    if (client == null) {
      client = factory.get();
    }
    return client;
  }

  @Override
  public synchronized void close() {
    if (owned && client != null) {
      client.close();
      client = null;
    }
  }
}
