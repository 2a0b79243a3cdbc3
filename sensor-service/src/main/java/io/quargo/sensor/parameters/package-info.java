/**
 * Trigger {@code parameters} and {@code payload} ({@link io.quargo.sensor.parameters.TriggerParameters}).
 *
 * <p>Argo's behaviour kept ({@code triggers/params.go}): a value comes from the named dependency's event by
 * context template, context key, data template, data key (first that yields), else {@code value} as default;
 * with neither key nor template it is {@code value} or the whole event; an absent event (an {@code ||} branch not
 * taken) gives {@code value} or skips the parameter. Templates are Go text/template with sprig over
 * {@code .Input}. Values go in as JSON strings unless {@code useRawData}. {@code dest} follows sjson ({@code -1}
 * appends, numbers index lists, missing containers are created); {@code append}/{@code prepend} join text;
 * an empty dest makes the value the whole target (payload bodies).
 *
 * <p>Our differences: "the whole event" is {@code {context, data}} with data as JSON (Argo marshals the
 * data bytes as base64); a parameter that cannot be resolved, or raw data that is not JSON, is an error naming
 * the parameter's JSON path, the dependency and the event id; keys and templates are checked when the Sensor is
 * read.
 */
package io.quargo.sensor.parameters;
