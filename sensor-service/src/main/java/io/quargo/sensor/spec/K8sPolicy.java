package io.quargo.sensor.spec;

import java.time.Duration;
import java.util.Map;

/**
 * A trigger's {@code policy.k8s}: after a k8s trigger wrote its object, look at it under {@code backoff} until it
 * carries every one of {@code labels} (e.g. {@code workflows.argoproj.io/phase: Succeeded}). When the backoff runs
 * out the trigger fails only with {@code errorOnBackoffTimeout}.
 *
 * @param backoff the checks: {@code steps} looks in all, the wait before look n+1 as a retry's
 */
public record K8sPolicy(Map<String, String> labels, Backoff backoff, boolean errorOnBackoffTimeout) {
  /** Argo's default when {@code backoff} is not written: 5 looks, about a second apart (jitter 1). */
  public static final Backoff DEFAULT_BACKOFF = new Backoff(5, Duration.ofSeconds(1), 1, 1);

  public K8sPolicy {
    labels = Map.copyOf(labels);
  }
}
