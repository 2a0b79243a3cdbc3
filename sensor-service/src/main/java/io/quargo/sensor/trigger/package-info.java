/**
 * Trigger kinds this service performs: {@code log} ({@link io.quargo.sensor.trigger.LogTrigger}) and {@code http}
 * ({@link io.quargo.sensor.trigger.HttpTrigger}).
 *
 * <p>Argo's behaviour kept: http {@code url}, {@code method}, {@code payload} parameters as the JSON body,
 * {@code parameters} applied to the http spec, {@code headers}, {@code secureHeaders} and {@code basicAuth} from
 * secrets, {@code timeout} (60s default); any status is success unless {@code policy.status.allow} is set.
 *
 * <p>Our differences: each request carries {@code X-Quargo-Trigger-Id} = the execution key, so a receiver can
 * drop a repeat; a status outside the allow-list is retried by redelivery instead of only logged. The log trigger
 * writes one JSON line per firing and does not apply {@code intervalSeconds}. Not yet: http {@code tls},
 * {@code dynamicHeaders}, configMap-sourced secure headers; the other trigger kinds (argoWorkflow, k8s, nats,
 * kafka, ...) are refused when the runner starts, naming the trigger's JSON path.
 */
package io.quargo.sensor.trigger;
