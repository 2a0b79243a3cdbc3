package io.quargo.sensor.filter;

import com.fasterxml.jackson.databind.JsonNode;
import io.quargo.core.event.CloudEvent;
import io.quargo.core.jq.JqException;
import io.quargo.core.lua.LuaLimits;
import io.quargo.core.lua.LuaScriptException;
import io.quargo.sensor.spec.ContextFilter;
import io.quargo.sensor.spec.DependencyFilters;
import io.quargo.sensor.spec.EventDependency;
import io.quargo.sensor.spec.Transform;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Runs one dependency on one event: {@code transform}, then the filter groups in Argo's order (exprs, data,
 * context, time, script) combined with {@code filtersLogicalOperator}. Never throws for bad event content: a
 * missing path or a failing script rejects the event with a reason.
 */
public final class DependencyEvaluator {
  private final LuaLimits luaLimits;

  public DependencyEvaluator(LuaLimits luaLimits) {
    this.luaLimits = luaLimits;
  }

  public DependencyEvaluator() {
    this(LuaLimits.DEFAULT);
  }

  public Verdict evaluate(EventDependency dep, CloudEvent event) {
    String where = "dependency '" + dep.name() + "'";
    if (dep.transform() != null && jsonData(event) == null) {
      return Verdict.reject(event, List.of(where + ".transform: the event has no JSON data to transform"));
    }
    CloudEvent transformed;
    try {
      transformed = transform(dep.transform(), event);
    } catch (JqException | LuaScriptException e) {
      return Verdict.reject(event, List.of(where + ".transform: " + e.getMessage()));
    }
    GroupResult script;
    try {
      script = script(dep.filters(), transformed);
    } catch (LuaScriptException e) {
      // as Argo: a script that fails rejects the event whatever filtersLogicalOperator says
      return Verdict.reject(transformed, List.of("filters.script: " + e.getMessage()));
    }
    List<GroupResult> groups = groups(dep.filters(), transformed, script);
    if (groups.isEmpty()) {
      return Verdict.accept(transformed);
    }
    GroupResult all = GroupResult.combine(groups, dep.filtersLogicalOperator());
    return all.passed() ? Verdict.accept(transformed) : Verdict.reject(transformed, all.reasons());
  }

  private CloudEvent transform(Transform t, CloudEvent event) {
    if (t == null) {
      return event;
    }
    JsonNode data = jsonData(event);
    JsonNode out = t.jq() != null ? t.jq().transform(data) : t.script().transform(data, luaLimits);
    return event.withData(CloudEvent.APPLICATION_JSON, out);
  }

  private List<GroupResult> groups(DependencyFilters f, CloudEvent event, GroupResult script) {
    JsonNode data = jsonData(event);
    // as Argo: an event without data passes the data, exprs and script filters
    boolean noData = event.data() == null || event.data().isNull();
    List<GroupResult> out = new ArrayList<>();
    if (!f.exprs().isEmpty()) {
      out.add(noData ? GroupResult.PASS : ExprFilters.apply(f.exprs(), f.exprLogicalOperator(), data));
    }
    if (!f.data().isEmpty()) {
      out.add(noData ? GroupResult.PASS : DataFilters.apply(f.data(), f.dataLogicalOperator(), data));
    }
    if (f.context() != null) {
      out.add(context(f.context(), event));
    }
    if (f.time() != null) {
      out.add(TimeWindow.apply(f.time(), event.time(), "filters.time"));
    }
    if (script != null) {
      out.add(script);
    }
    return out;
  }

  /** Null when no script is configured; an event without data passes, as in Argo. */
  private GroupResult script(DependencyFilters f, CloudEvent event) {
    if (f.script() == null) {
      return null;
    }
    JsonNode data = jsonData(event);
    if (data == null || data.isNull()) {
      return GroupResult.PASS;
    }
    return f.script().filter(data, luaLimits) ? GroupResult.PASS
        : GroupResult.fail("filters.script: the script did not return true");
  }

  private static GroupResult context(ContextFilter c, CloudEvent e) {
    List<String> misses = new ArrayList<>();
    check("type", c.type(), e.type(), misses);
    check("subject", c.subject(), e.subject(), misses);
    check("source", c.source(), e.source(), misses);
    check("datacontenttype", c.datacontenttype(), e.datacontenttype(), misses);
    return misses.isEmpty() ? GroupResult.PASS : new GroupResult(false, misses);
  }

  private static void check(String field, String expected, String actual, List<String> misses) {
    if (!expected.isEmpty() && !Objects.equals(expected, actual)) {
      misses.add("filters.context." + field + ": expected '" + expected + "', the event has '" + actual + "'");
    }
  }

  /** The data as JSON, or null when the event carries none or carries bytes that are not JSON. */
  static JsonNode jsonData(CloudEvent event) {
    JsonNode d = event.data();
    return d == null || d.isBinary() ? null : d;
  }
}
