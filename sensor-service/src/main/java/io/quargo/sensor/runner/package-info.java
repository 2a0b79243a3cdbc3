/**
 * Runs a Sensor on the bus ({@link io.quargo.sensor.runner.SensorRunner}).
 *
 * <p>Argo's behaviour kept: one durable pull consumer per dependency subject ({@code events.<ns>.<eventSource>.
 * <eventName>}, Argo's {@code default.<es>.<event>}), created at new events so a Sensor sees what happens after
 * it first exists, surviving restarts so events published meanwhile are delivered; pipeline transform, filter,
 * conditions, parameters, trigger.
 *
 * <p>Our differences: the event is acknowledged only after every firing it caused was performed (Argo acks
 * first unless {@code atLeastOnce}); a transient trigger failure redelivers the event with a backoff and the
 * still-pending firing is performed again with the same execution key; a permanent one (bad spec or parameter)
 * is logged with its JSON path and not retried. Replicas share one Sensor's consumers and KV state instead of
 * electing a leader. A firing is performed by the replica whose delivery decided it; on a redelivery of that
 * event; or, once pending longer than {@code recoverAfter}, by any replica (a replica died). The narrow window
 * where a performed firing is repeated (a crash between the effect and recording it, or an abandoned firing
 * taken over while its owner is merely slow) is covered by the execution key the effect carries.
 * Not yet: {@code retryStrategy}, {@code rateLimit}, {@code dlqTrigger}, re-reading a changed Sensor spec (Argo
 * purges saved dependencies whose definition changed).
 */
package io.quargo.sensor.runner;
