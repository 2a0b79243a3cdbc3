/**
 * Trigger kinds this service performs: {@code log}, {@code http}, {@code argoWorkflow}, {@code k8s},
 * {@code nats}, {@code kafka}, {@code slack} and {@code email}, one {@link io.quargo.sensor.trigger.TriggerExecutor} each.
 *
 * <p>Argo's fields are kept (see each class and {@code docs/sensors.md}). Our differences: every effect carries
 * the firing's execution key (an http/nats/kafka header {@code X-Quargo-Trigger-Id}, the workflow command's
 * idempotency key, the label on a k8s-created object, the email's Message-ID, Slack message metadata), so a receiver can drop a repeat; a status
 * outside {@code policy.status.allow} is a failure handled by the trigger's retryStrategy. Not yet: http
 * {@code tls}, {@code dynamicHeaders}; nats {@code tls}, nkey and credential auth; kafka {@code sasl},
 * {@code tls}, {@code schemaRegistry}; slack {@code thread}; the other kinds (awsLambda, custom, ...) are
 * refused when the runner starts, naming the trigger's JSON path. An executor holding connections
 * ({@link io.quargo.sensor.trigger.NatsTrigger}, {@link io.quargo.sensor.trigger.KafkaTrigger}) is closed with
 * the runner that was given it.
 */
package io.quargo.sensor.trigger;
