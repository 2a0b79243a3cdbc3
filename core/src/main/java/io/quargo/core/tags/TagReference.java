package io.quargo.core.tags;

/**
 * A variable a template needs.
 *
 * @param name the variable path, e.g. {@code steps.a.outputs.result}
 * @param fromExpression true when found inside {@code {{= ...}}} (by scanning, so best effort)
 * @param offset where the tag starts in the template
 */
public record TagReference(String name, boolean fromExpression, int offset) {}
