package io.quargo.sensor.spec;

import io.quargo.core.gjson.GjsonPath;
import io.quargo.core.template.Template;
import java.util.List;
import java.util.regex.Pattern;

/**
 * One entry of {@code filters.data}: the value at a gjson {@code path} of the event data compared with a list of
 * values (OR-ed). Values are checked when the Sensor is read, not per event: strings compile as regexes, numbers
 * and bools must parse.
 *
 * @param where the JSON path of this entry in the Sensor, for messages
 * @param template optional Go template rewriting the value ({@code .Input}) before comparing; may be null
 * @param regexes the values compiled, for {@link JsonType#STRING}
 * @param numbers the values parsed, for {@link JsonType#NUMBER}
 * @param bools the values parsed, for {@link JsonType#BOOL}
 */
public record DataFilter(String where, GjsonPath path, JsonType type, List<String> values, Comparator comparator,
    Template template, List<Pattern> regexes, List<Double> numbers, List<Boolean> bools) {
}
