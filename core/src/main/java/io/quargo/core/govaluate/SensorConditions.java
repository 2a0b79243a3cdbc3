package io.quargo.core.govaluate;

import java.util.HashMap;
import java.util.Map;
import java.util.Set;

/**
 * A Sensor trigger's {@code conditions}: a boolean govaluate expression over dependency names, such as
 * {@code dep-a && (dep-b || dep-c)}. As Argo Events does, '-' is escaped before parsing so hyphenated names are
 * single parameters; {@link #dependencies()} is what the trigger subscribes to.
 */
public final class SensorConditions {
  private final GovaluateExpression expression;

  private SensorConditions(GovaluateExpression expression) {
    this.expression = expression;
  }

  /** @throws GovaluateException naming the position in the original text */
  public static SensorConditions parse(String conditions) {
    String escaped = conditions.replace("-", "\\-");
    try {
      return new SensorConditions(GovaluateExpression.parse(escaped, GovaluateMode.VARIABLES));
    } catch (GovaluateException e) {
      // Report against the text the user wrote, not the escaped copy.
      int at = GovaluateException.offsetOf(escaped, e);
      int inserted = 0;
      for (int i = 0; i + 1 < at; i++) {
        if (escaped.charAt(i) == '\\' && escaped.charAt(i + 1) == '-') {
          inserted++;
        }
      }
      throw new GovaluateException(conditions, at - inserted, e.reason());
    }
  }

  public Set<String> dependencies() {
    return expression.variables();
  }

  /** True when the expression needs more than one dependency at once (contains '&'): events must be kept. */
  public boolean accumulates() {
    return expression.source().indexOf('&') >= 0;
  }

  /** Dependencies not in {@code arrived} count as false. */
  public boolean satisfied(Set<String> arrived) {
    Map<String, Object> params = new HashMap<>();
    for (String dep : dependencies()) {
      params.put(dep, arrived.contains(dep));
    }
    return expression.evaluateBoolean(params);
  }
}
