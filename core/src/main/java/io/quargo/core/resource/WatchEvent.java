package io.quargo.core.resource;

/** One change seen by a watch, as Kubernetes names them. The resource carries its new version. */
public record WatchEvent(Type type, Resource resource) {
  public enum Type {
    ADDED,
    MODIFIED,
    DELETED
  }
}
