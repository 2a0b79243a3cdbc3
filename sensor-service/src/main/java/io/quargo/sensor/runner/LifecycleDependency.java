package io.quargo.sensor.runner;

import io.quargo.core.event.CloudEvent;
import io.quargo.eventbus.topology.Subjects;
import io.quargo.sensor.spec.EventDependency;

/**
 * A dependency on Quargo's own lifecycle events (beyond Argo): {@code eventSourceName: quargo-lifecycle} and
 * {@code eventName: workflow} (every workflow of the Sensor's namespace) or {@code workflow/<name>} (one). It
 * consumes {@code lifecycle.<ns>.workflow.<name|*>} from the LIFECYCLE stream, counting only workflow phase
 * changes ({@code type: workflow.phase}, data {@code {workflow, phase, progress, message}}); the usual filters
 * pick the phase, e.g. {@code data: [{path: phase, type: string, value: [Succeeded]}]}. Pipelines chain without
 * watching resources.
 */
public final class LifecycleDependency {
  /** The reserved event source name. */
  public static final String SOURCE = "quargo-lifecycle";

  private LifecycleDependency() {}

  public static boolean is(EventDependency dep) {
    return SOURCE.equals(dep.eventSourceName());
  }

  static String subject(String namespace, EventDependency dep) {
    String[] kindAndName = dep.eventName().split("/", 2);
    if (kindAndName.length == 2 && !kindAndName[1].isBlank()) {
      return Subjects.lifecycle(namespace, kindAndName[0], kindAndName[1]);
    }
    return Subjects.LIFECYCLE_PREFIX + "." + Subjects.token("namespace", namespace) + "."
        + Subjects.token("kind", kindAndName[0]) + ".*";
  }

  static boolean counts(EventDependency dep, CloudEvent event) {
    return (dep.eventName().split("/", 2)[0] + ".phase").equals(event.type());
  }
}
