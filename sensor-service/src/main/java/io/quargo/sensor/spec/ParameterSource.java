package io.quargo.sensor.spec;

import io.quargo.core.template.Template;

/**
 * A trigger parameter's {@code src}: where the value comes from in the named dependency's event.
 *
 * @param dataTemplate Go template over the data ({@code .Input}); may be null
 * @param contextTemplate Go template over the envelope ({@code .Input}); may be null
 * @param value the default (or the constant when no key or template is set); null when not given
 */
public record ParameterSource(String dependencyName, String dataKey, Template dataTemplate, String contextKey,
    Template contextTemplate, String value, boolean useRawData) {
}
