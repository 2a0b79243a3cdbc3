package io.quargo.core.resource;

/**
 * A kind of resource as Kubernetes names it: group, version, kind, plural, and whether it lives in a
 * namespace. {@link ArgoKinds} lists the ones Quargo serves.
 */
public record ResourceKind(
    String group, String version, String kind, String plural, boolean namespaced) {

  public String apiVersion() {
    return group.isEmpty() ? version : group + "/" + version;
  }

  @Override
  public String toString() {
    return kind + "." + apiVersion();
  }
}
