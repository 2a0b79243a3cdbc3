/**
 * Trigger conditions and their state ({@link io.quargo.sensor.conditions.ConditionTracker}).
 *
 * <p>Argo's behaviour kept ({@code trigger_conn.go}): {@code conditions} is a boolean expression over dependency
 * names (default: AND of all); an event of a dependency not named there is ignored by the trigger; the latest
 * event of a dependency wins; when the conditions hold, the trigger fires with every saved event plus the current
 * one and the saved events are cleared; {@code conditionsReset.byTime} (5-field cron, time zone) clears saved
 * events, including a reset that fell while the Sensor was down.
 *
 * <p>Our differences: the state of one trigger is one NATS KV value written with compare-and-set, so replicas
 * share a Sensor (Argo runs one active replica) and neither fire twice nor overwrite each other's dependencies.
 * A firing is written as pending in the same compare-and-set that clears the saved events and stays there until
 * its effect is recorded, so a crash between deciding and acting does not lose it; it carries an execution key =
 * hash(sensor, trigger, event ids) for the effect to deduplicate on. Event ids already used are remembered (the
 * last {@value io.quargo.sensor.conditions.TriggerState#RECENT_LIMIT} per trigger, in KV, not for one minute in
 * memory as Argo does), so a redelivered event does not count again. Resets are applied when the state is next
 * touched rather than by a timer; the observable outcome is the same. Argo keeps no state at all for conditions
 * without {@code &&}; we go through KV for those too, to get the same exactly-once guarantee.
 */
package io.quargo.sensor.conditions;
