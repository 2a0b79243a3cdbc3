/**
 * The Sensor model ({@code argoproj.io/v1alpha1}) read from a resource by {@link io.quargo.sensor.spec.SensorParser}.
 *
 * <p>Argo's behaviour kept: field names and defaults of {@code sensor_types.go} (conditions default to the AND
 * of every dependency; {@code and} is the default logical operator; {@code overwrite} the default parameter
 * operation; time filters default to UTC; jq wins over a Lua transform).
 *
 * <p>Our differences: everything that can be checked is checked when the Sensor is read rather than per event,
 * and each problem names its JSON path: data filter values (regexes, numbers, bools), gjson paths, govaluate
 * expressions and their fields, Go templates, jq and Lua, cron and time zones, names in conditions and parameter
 * sources. Trigger kinds are matched ignoring case (Argo's own openwhisk example writes {@code openwhisk}).
 * Pod {@code template}, {@code replicas}, {@code eventBusName} and other deployment fields are accepted and
 * ignored here.
 */
package io.quargo.sensor.spec;
