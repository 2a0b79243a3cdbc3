package io.quargo.sensor.spec;

/** {@code filters.context}: the event's envelope attributes that must be equal; "" means "any". */
public record ContextFilter(String type, String subject, String source, String datacontenttype) {
}
