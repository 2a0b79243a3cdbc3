package io.quargo.sensor.filter;

import com.fasterxml.jackson.databind.JsonNode;
import io.quargo.core.gjson.GjsonPath;
import io.quargo.core.gjson.GjsonResult;
import io.quargo.core.govaluate.GovaluateException;
import io.quargo.sensor.spec.ExprFilter;
import io.quargo.sensor.spec.LogicalOperator;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** {@code filters.exprs}: govaluate over values taken from the data by each field's gjson path. */
final class ExprFilters {
  private ExprFilters() {}

  static GroupResult apply(List<ExprFilter> filters, LogicalOperator op, JsonNode data) {
    List<GroupResult> results = new ArrayList<>();
    for (ExprFilter f : filters) {
      if (f.fields().isEmpty()) {
        // as Argo: an expression without fields is skipped; it neither fails an and nor passes an or
        results.add(op == LogicalOperator.OR ? GroupResult.fail(f.where() + ": has no fields, skipped")
            : GroupResult.PASS);
        continue;
      }
      GroupResult r = apply(f, data);
      results.add(r);
      if (r.passed() == (op == LogicalOperator.OR)) {
        break;
      }
    }
    return GroupResult.combine(results, op);
  }

  static GroupResult apply(ExprFilter f, JsonNode data) {
    Map<String, Object> params = new HashMap<>();
    for (Map.Entry<String, GjsonPath> field : f.fields().entrySet()) {
      GjsonResult res = field.getValue().get(data);
      if (!res.exists()) {
        return GroupResult.fail(f.where() + ": field '" + field.getKey() + "': path '" + field.getValue().source()
            + "' does not exist in the event data");
      }
      params.put(field.getKey(), res.value());
    }
    try {
      return f.expr().evaluateBoolean(params) ? GroupResult.PASS
          : GroupResult.fail(f.where() + ": '" + f.expr().source() + "' is false");
    } catch (GovaluateException e) {
      return GroupResult.fail(f.where() + ".expr: " + e.getMessage());
    }
  }
}
