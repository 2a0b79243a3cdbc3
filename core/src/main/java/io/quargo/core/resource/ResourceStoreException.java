package io.quargo.core.resource;

/** A refused store operation, with a reason a caller can act on (as Kubernetes' Status.reason). */
public class ResourceStoreException extends RuntimeException {
  public enum Reason {
    NOT_FOUND,
    ALREADY_EXISTS,
    CONFLICT,
    INVALID,
    UNAVAILABLE
  }

  private final Reason reason;

  public ResourceStoreException(Reason reason, String message) {
    super(message);
    this.reason = reason;
  }

  public ResourceStoreException(Reason reason, String message, Throwable cause) {
    super(message, cause);
    this.reason = reason;
  }

  public Reason reason() {
    return reason;
  }

  public static ResourceStoreException notFound(ResourceKind kind, String namespace, String name) {
    return new ResourceStoreException(Reason.NOT_FOUND,
        kind.kind() + " " + qualified(namespace, name) + " not found");
  }

  public static ResourceStoreException alreadyExists(ResourceKind kind, String namespace, String name) {
    return new ResourceStoreException(Reason.ALREADY_EXISTS,
        kind.kind() + " " + qualified(namespace, name) + " already exists; pick another metadata.name"
            + " or use metadata.generateName");
  }

  public static ResourceStoreException conflict(ResourceKind kind, String namespace, String name,
      String expected) {
    return new ResourceStoreException(Reason.CONFLICT,
        "the object has been modified: " + kind.kind() + " " + qualified(namespace, name)
            + " is no longer at resourceVersion " + expected + "; read it again and reapply your change");
  }

  private static String qualified(String namespace, String name) {
    return (namespace == null ? "" : namespace + "/") + name;
  }
}
