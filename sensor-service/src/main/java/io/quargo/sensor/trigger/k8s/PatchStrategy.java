package io.quargo.sensor.trigger.k8s;

import java.util.Arrays;
import java.util.Optional;

/** {@code patchStrategy} of a k8s trigger with {@code operation: patch}, named by its content type as in Argo. */
public enum PatchStrategy {
  /** RFC 7386, Argo's default. */
  MERGE("application/merge-patch+json"),
  /** The apiserver's strategic merge (lists merged by key for built-in kinds). */
  STRATEGIC_MERGE("application/strategic-merge-patch+json"),
  /** RFC 6902 operations. */
  JSON("application/json-patch+json");

  private final String contentType;

  PatchStrategy(String contentType) {
    this.contentType = contentType;
  }

  public String contentType() {
    return contentType;
  }

  public static Optional<PatchStrategy> of(String contentType) {
    return Arrays.stream(values()).filter(s -> s.contentType.equals(contentType)).findFirst();
  }
}
