package io.quargo.sensor.spec;

import io.quargo.core.gjson.GjsonPath;
import io.quargo.core.govaluate.GovaluateExpression;
import java.util.Map;

/**
 * One entry of {@code filters.exprs}: a govaluate expression over named values taken from the event data.
 *
 * @param fields parameter name to the gjson path its value comes from, in the order written
 */
public record ExprFilter(String where, GovaluateExpression expr, Map<String, GjsonPath> fields) {
}
