package io.quargo.core.tags;

import java.util.List;
import java.util.Map;

/** One substitution pass over parsed segments, with Argo's rules for unresolved and nested tags. */
final class TagRenderer {
  private final String source;
  private final Map<String, ?> values;
  private final TagOptions options;
  private Map<String, Object> env;

  TagRenderer(String source, Map<String, ?> values, TagOptions options) {
    this.source = source;
    this.values = values;
    this.options = options;
  }

  String render(List<Segment> segments) {
    StringBuilder out = new StringBuilder(source.length());
    for (Segment s : segments) {
      if (s instanceof Segment.Text t) {
        out.append(t.text());
      } else if (s instanceof Segment.Simple t) {
        simple(t, out);
      } else {
        expression((Segment.Expression) s, out);
      }
    }
    return out.toString();
  }

  private void simple(Segment.Simple t, StringBuilder out) {
    if (values.containsKey(t.name())) {
      Object v = values.get(t.name());
      if (v == null) {
        throw new TagException(source, t.offset(), "{{" + t.raw() + "}} refers to an absent value (a skipped or"
            + " omitted output); give the output a default, or use {{=" + t.name() + " ?? 'fallback'}}",
            false, null);
      }
      out.append(escape(text(v)));
      return;
    }
    // A tag like {{inputs.parameters.{{item}}}} ends at the inner '}}': resolve the inner part and leave the
    // outer tag for the next pass, as Argo does.
    int nested = t.raw().lastIndexOf("{{");
    if (nested > 0 && values.get(t.raw().substring(nested + 2)) instanceof String inner) {
      out.append("{{").append(t.raw(), 0, nested).append(escape(inner));
      return;
    }
    if (options.mustResolve(t.name())) {
      throw new TagException(source, t.offset(), "failed to resolve {{" + t.raw() + "}}", true, null);
    }
    out.append("{{").append(t.raw()).append("}}");
  }

  private void expression(Segment.Expression e, StringBuilder out) {
    String body = e.expression();
    if (options.escaping() == Escaping.JSON_STRING) {
      body = JsonText.unescape(body);
    }
    boolean strict = options.unresolved() == Unresolved.FAIL;
    if (!strict && waitsForLaterVariables(body)) {
      out.append("{{").append(e.raw()).append("}}");
      return;
    }
    Object result;
    try {
      result = options.evaluator().evaluate(body, env());
    } catch (RuntimeException ex) {
      if (!strict) {
        out.append("{{").append(e.raw()).append("}}");
        return;
      }
      throw new TagException(source, e.offset(), "failed to evaluate expression '" + body + "': "
          + ex.getMessage(), false, ex);
    }
    if (result == null) {
      if (!strict) {
        out.append("{{").append(e.raw()).append("}}");
        return;
      }
      throw new TagException(source, e.offset(), "expression '" + body + "' evaluated to nil", true, null);
    }
    out.append(escape(GoFormat.value(result)));
  }

  /**
   * Argo leaves expressions alone while {@code retries}, {@code workflow.status} or {@code workflow.failures}
   * are not yet known, so they are not resolved to nil or 0 too early.
   */
  private boolean waitsForLaterVariables(String body) {
    var names = ExpressionReferences.scan(body);
    return (names.contains("retries") && !values.containsKey("retries"))
        || (names.stream().anyMatch(n -> n.startsWith("workflow.status")) && !values.containsKey("workflow.status"))
        || (names.stream().anyMatch(n -> n.startsWith("workflow.failures"))
            && !values.containsKey("workflow.failures"));
  }

  private Map<String, Object> env() {
    if (env == null) {
      env = ExpressionEnv.expand(values);
    }
    return env;
  }

  private static String text(Object v) {
    return v instanceof String s ? s : GoFormat.value(v);
  }

  private String escape(String s) {
    return options.escaping() == Escaping.JSON_STRING ? JsonText.escape(s) : s;
  }
}
