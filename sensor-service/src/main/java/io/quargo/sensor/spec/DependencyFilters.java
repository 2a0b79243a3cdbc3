package io.quargo.sensor.spec;

import io.quargo.core.lua.LuaScript;
import java.util.List;

/**
 * {@code filters} of a dependency. Each group is optional; an empty list or null means "not configured".
 *
 * @param script Lua filter, passes when it returns true; may be null
 */
public record DependencyFilters(List<DataFilter> data, LogicalOperator dataLogicalOperator, List<ExprFilter> exprs,
    LogicalOperator exprLogicalOperator, ContextFilter context, TimeFilter time, LuaScript script) {

  public static final DependencyFilters NONE =
      new DependencyFilters(List.of(), LogicalOperator.AND, List.of(), LogicalOperator.AND, null, null, null);
}
