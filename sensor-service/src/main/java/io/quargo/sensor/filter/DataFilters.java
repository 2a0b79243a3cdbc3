package io.quargo.sensor.filter;

import com.fasterxml.jackson.databind.JsonNode;
import io.quargo.core.gjson.GjsonResult;
import io.quargo.core.template.TemplateException;
import io.quargo.sensor.spec.Comparator;
import io.quargo.sensor.spec.DataFilter;
import io.quargo.sensor.spec.LogicalOperator;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/** {@code filters.data}: each entry compares the value at its gjson path with its values, any of which may match. */
final class DataFilters {
  private DataFilters() {}

  static GroupResult apply(List<DataFilter> filters, LogicalOperator op, JsonNode data) {
    List<GroupResult> results = new ArrayList<>();
    for (DataFilter f : filters) {
      GroupResult r = apply(f, data);
      results.add(r);
      // Under and, the first miss decides (as Argo returns early); under or, the first pass does.
      if (r.passed() == (op == LogicalOperator.OR)) {
        break;
      }
    }
    return GroupResult.combine(results, op);
  }

  static GroupResult apply(DataFilter f, JsonNode data) {
    GjsonResult res = f.path().get(data);
    if (!res.exists()) {
      return GroupResult.fail(f.where() + ": path '" + f.path().source() + "' does not exist in the event data");
    }
    String text = res.asString();
    if (f.template() != null) {
      try {
        text = f.template().execute(Map.of("Input", text));
      } catch (TemplateException e) {
        return GroupResult.fail(f.where() + ".template: " + e.getMessage());
      }
      if (text.isEmpty() || text.equals("<no value>")) {
        return GroupResult.fail(f.where() + ".template: evaluated to an empty string or <no value>");
      }
      res = null; // after a template the value is a string, as Argo re-parses it as a quoted JSON string
    }
    double event = goFloat(res, text);
    boolean matched = switch (f.type()) {
      case STRING -> strings(f, text);
      case BOOL -> f.bools().contains(goBool(res, text));
      case NUMBER -> f.numbers().stream().anyMatch(v -> f.comparator().test(event, v));
    };
    return matched ? GroupResult.PASS : GroupResult.fail(f.where() + ": value '" + abbreviate(text)
        + "' at path '" + f.path().source() + "' matches none of " + f.values()
        + (f.comparator() == Comparator.EQUAL ? "" : " with comparator " + f.comparator().symbol()));
  }

  private static boolean strings(DataFilter f, String text) {
    for (Pattern p : f.regexes()) {
      boolean found = p.matcher(text).find(); // Go's regexp.Match is unanchored
      if (f.comparator() == Comparator.NOT_EQUAL ? !found : found) {
        return true;
      }
    }
    return false;
  }

  /** gjson's Result.Bool(): true, non-zero numbers, and strings Go's ParseBool reads as true. */
  private static boolean goBool(GjsonResult res, String text) {
    JsonNode n = res == null ? null : res.node();
    if (n != null && n.isBoolean()) {
      return n.booleanValue();
    }
    if (n != null && n.isNumber()) {
      return n.doubleValue() != 0;
    }
    if (n != null && !n.isTextual()) {
      return false;
    }
    return switch (text) {
      case "1", "t", "T", "TRUE", "true", "True" -> true;
      default -> false;
    };
  }

  /**
   * gjson's Result.Float(), as Argo compares numbers: numbers as they are, numeric strings parsed, true is 1;
   * anything else (a non-numeric string, false, null, an object) is 0.
   */
  private static double goFloat(GjsonResult res, String text) {
    JsonNode n = res == null ? null : res.node();
    if (n != null && n.isNumber()) {
      return n.doubleValue();
    }
    if (n != null && n.isBoolean()) {
      return n.booleanValue() ? 1 : 0;
    }
    if (n != null && !n.isTextual()) {
      return 0;
    }
    try {
      return Double.parseDouble(text);
    } catch (NumberFormatException e) {
      return 0;
    }
  }

  static String abbreviate(String s) {
    return s.length() <= 80 ? s : s.substring(0, 77) + "...";
  }
}
