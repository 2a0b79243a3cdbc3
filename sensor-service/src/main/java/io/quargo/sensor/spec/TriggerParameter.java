package io.quargo.sensor.spec;

/**
 * One entry of {@code parameters} (or {@code payload}): a value from an event written at {@code dest}, an sjson
 * path into the target JSON ({@code -1} appends to a list; "" means the whole target).
 */
public record TriggerParameter(String where, ParameterSource src, String dest, ParameterOperation operation) {
}
