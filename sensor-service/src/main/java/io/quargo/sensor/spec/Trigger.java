package io.quargo.sensor.spec;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.quargo.core.govaluate.SensorConditions;
import java.util.List;

/**
 * One entry of {@code spec.triggers}.
 *
 * @param where the trigger's JSON path, e.g. {@code spec.triggers[0]}
 * @param conditions the {@code template.conditions}, or the AND of every dependency when not written
 * @param type the trigger kind as Argo names it ({@code http}, {@code log}, {@code k8s}, {@code argoWorkflow}, ...)
 * @param template the whole {@code template} object, so parameters can be applied to it
 * @param parameters {@code parameters}, applied to the template before execution
 * @param typeParameters {@code template.<type>.parameters}, applied to the trigger's resource or request
 * @param payload {@code template.<type>.payload}, building a JSON body (http, nats, kafka, ...)
 * @param statusAllow {@code policy.status.allow}; empty means any status counts as success
 * @param retryStrategy {@code retryStrategy}, or null when not written (see {@link #attempts()})
 * @param rateLimit {@code rateLimit}, or null for no limit
 * @param dlqTrigger {@code dlqTrigger}, performed with the same events once this trigger gave up; or null
 * @param k8sPolicy {@code policy.k8s} with labels to wait for, or null
 */
public record Trigger(String where, String name, String conditionsText, SensorConditions conditions,
    List<ConditionsReset> conditionsResets, String type, ObjectNode template, List<TriggerParameter> parameters,
    List<TriggerParameter> typeParameters, List<TriggerParameter> payload, List<Integer> statusAllow, boolean atLeastOnce,
    Backoff retryStrategy, RateLimit rateLimit, Trigger dlqTrigger, K8sPolicy k8sPolicy) {

  /** The retry strategy in force: the written one, or a single attempt. */
  public Backoff attempts() {
    return retryStrategy == null ? Backoff.ONCE : retryStrategy;
  }

  /** The type-specific object, e.g. {@code template.http}. */
  public ObjectNode typeSpec() {
    return (ObjectNode) template.get(type);
  }
}
