/**
 * Trigger {@code parameters} and {@code payload} ({@link io.quargo.sensor.parameters.TriggerParameters}).
 *
 * <p>Argo's behaviour kept ({@code triggers/params.go}): a value comes from the named dependency's event, from
 * its data when a data key or template is set, else from its context; the template first (an empty or
 * {@code <no value>} result falls through), then the key, else {@code value} as default;
 * with neither key nor template it is {@code value} or the whole event; an absent event (an {@code ||} branch not
 * taken) gives {@code value} or skips the parameter. Templates are Go text/template with sprig over
 * {@code .Input}. Values go in as JSON strings; with {@code useRawData} a value read by key that is not a
 * string (object, list, number, bool, null) goes in as JSON. {@code dest} follows sjson ({@code -1}
 * appends, numbers index lists, missing containers are created); {@code append}/{@code prepend} join text;
 * in a payload, a parameter with an empty dest is the whole body, as text, and ends the building.
 *
 * <p>Our differences: "the whole event" is {@code {context, data}} with data as JSON (Argo marshals the
 * data bytes as base64); a parameter that cannot be resolved, or raw data that is not JSON, is an error naming
 * the parameter's JSON path, the dependency and the event id; keys and templates are checked when the Sensor is
 * read.
 */
package io.quargo.sensor.parameters;
