package io.quargo.sensor.trigger.k8s;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.quargo.sensor.runner.Pacer;
import io.quargo.sensor.spec.K8sPolicy;
import io.quargo.sensor.trigger.TriggerFailure;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Supplier;

/**
 * {@code policy.k8s}: looks at the written object under the policy's backoff until it carries every label. As in
 * Argo, running out of looks fails the trigger only with {@code errorOnBackoffTimeout}; a failure is transient, so
 * a {@code retryStrategy} tries the trigger again (its create finding the object already made).
 */
public final class LabelWait {
  private LabelWait() {}

  /** @param object the object as it is now, empty while it does not exist (yet) */
  public static void await(K8sPolicy policy, Supplier<Optional<ObjectNode>> object, Pacer pacer, String where) {
    Optional<ObjectNode> last = Optional.empty();
    for (int look = 1; ; look++) {
      last = object.get();
      if (last.isPresent() && carries(last.get(), policy.labels())) {
        return;
      }
      if (look >= policy.backoff().steps()) {
        break;
      }
      try {
        pacer.sleep(policy.backoff().delayBefore(look, ThreadLocalRandom.current().nextDouble()));
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw TriggerFailure.transientFailure(where + ": interrupted while waiting for labels " + policy.labels(), e);
      }
    }
    if (policy.errorOnBackoffTimeout()) {
      throw TriggerFailure.transientFailure(where + ": the object did not carry the labels " + policy.labels()
          + " after " + policy.backoff().steps() + " looks" + last.map(o -> "; it has "
          + o.path("metadata").path("labels")).orElse("; it was not found"), null);
    }
  }

  static boolean carries(ObjectNode object, Map<String, String> labels) {
    var present = object.path("metadata").path("labels");
    return labels.entrySet().stream().allMatch(e -> e.getValue().equals(present.path(e.getKey()).asText(null)));
  }
}
