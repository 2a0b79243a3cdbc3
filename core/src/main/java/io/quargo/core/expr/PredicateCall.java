package io.quargo.core.expr;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Builtins that take a predicate evaluated per element with {@code #} bound to it:
 * all, any, none, one, filter, map, count, find, findIndex, findLast, findLastIndex, groupBy,
 * sortBy, reduce and sum with a predicate.
 */
final class PredicateCall extends Node {
  static final Set<String> NAMES = Set.of("all", "any", "none", "one", "filter", "map", "count", "find",
      "findIndex", "findLast", "findLastIndex", "groupBy", "sortBy", "reduce", "sum");

  private final String name;
  private final Node array;
  private final Node predicate;
  private final Node extra;

  /** {@code predicate} may be null for {@code count(arr)}, meaning the element itself. */
  PredicateCall(Token at, String name, Node array, Node predicate, Node extra) {
    super(at, array, predicate, extra);
    this.name = name;
    this.array = array;
    this.predicate = predicate;
    this.extra = extra;
  }

  @Override
  Object evaluate(EvalContext ctx) {
    List<?> items = list(array.eval(ctx));
    Object extraValue = extra == null ? null : extra.eval(ctx);
    EvalContext.Frame frame = ctx.push();
    try {
      switch (name) {
        case "map": return map(ctx, frame, items);
        case "filter": return filter(ctx, frame, items);
        case "groupBy": return groupBy(ctx, frame, items);
        case "sortBy": return sortBy(ctx, frame, items, extraValue);
        case "reduce": return reduce(ctx, frame, items, extraValue);
        case "sum": return sum(ctx, frame, items);
        default: return test(ctx, frame, items);
      }
    } finally {
      ctx.pop();
    }
  }

  private static List<?> list(Object v) {
    if (v instanceof List<?> l) {
      return l;
    }
    if (v instanceof Map<?, ?> m) {
      return new ArrayList<Object>(m.values());
    }
    throw new EvalFailure("cannot iterate over " + Values.typeName(v));
  }

  private Object apply(EvalContext ctx, EvalContext.Frame f, List<?> items, int i) {
    f.item = Values.at(items, i);
    f.index = i;
    return predicate == null ? f.item : predicate.eval(ctx);
  }

  private boolean holds(EvalContext ctx, EvalContext.Frame f, List<?> items, int i) {
    Object r = apply(ctx, f, items, i);
    if (r instanceof Boolean b) {
      return b;
    }
    throw new EvalFailure("predicate of " + name + " must return bool, got " + Values.typeName(r));
  }

  private Object test(EvalContext ctx, EvalContext.Frame f, List<?> items) {
    boolean last = name.startsWith("findLast");
    int matched = 0;
    for (int k = 0; k < items.size(); k++) {
      int i = last ? items.size() - 1 - k : k;
      if (!holds(ctx, f, items, i)) {
        if (name.equals("all")) {
          return false;
        }
        continue;
      }
      matched++;
      switch (name) {
        case "any": return true;
        case "none": return false;
        case "find": case "findLast": return Values.at(items, i);
        case "findIndex": case "findLastIndex": return (long) i;
        case "one": if (matched > 1) { return false; } break;
        default: break;
      }
    }
    switch (name) {
      case "all": case "none": return true;
      case "any": return false;
      case "one": return matched == 1;
      case "count": return (long) matched;
      case "findIndex": case "findLastIndex": return -1L;
      default: return null;
    }
  }

  private Object map(EvalContext ctx, EvalContext.Frame f, List<?> items) {
    List<Object> out = new ArrayList<>(items.size());
    for (int i = 0; i < items.size(); i++) {
      out.add(apply(ctx, f, items, i));
    }
    return out;
  }

  private Object filter(EvalContext ctx, EvalContext.Frame f, List<?> items) {
    List<Object> out = new ArrayList<>();
    for (int i = 0; i < items.size(); i++) {
      if (holds(ctx, f, items, i)) {
        out.add(Values.at(items, i));
      }
    }
    return out;
  }

  private Object groupBy(EvalContext ctx, EvalContext.Frame f, List<?> items) {
    Map<String, Object> out = new LinkedHashMap<>();
    for (int i = 0; i < items.size(); i++) {
      Object key = apply(ctx, f, items, i);
      String k = key instanceof String s ? s : GoFormat.format(key);
      @SuppressWarnings("unchecked")
      List<Object> group = (List<Object>) out.computeIfAbsent(k, x -> new ArrayList<>());
      group.add(Values.at(items, i));
    }
    return out;
  }

  private Object sortBy(EvalContext ctx, EvalContext.Frame f, List<?> items, Object order) {
    boolean desc = CollectionFunctions.descending(order);
    List<Object[]> keyed = new ArrayList<>(items.size());
    for (int i = 0; i < items.size(); i++) {
      Object key = apply(ctx, f, items, i);
      // sortBy(users, "Age"): a constant string key names a field of map elements.
      if (key instanceof String field && predicate instanceof LiteralNodes.Const && f.item instanceof Map<?, ?> m) {
        key = Values.get(m, field);
      }
      keyed.add(new Object[] {key, Values.at(items, i)});
    }
    ctx.charge(items.size() * 8L);
    keyed.sort((x, y) -> CollectionFunctions.order(x[0], y[0]));
    List<Object> out = new ArrayList<>(items.size());
    for (Object[] kv : keyed) {
      out.add(kv[1]);
    }
    if (desc) {
      Collections.reverse(out);
    }
    return out;
  }

  private Object reduce(EvalContext ctx, EvalContext.Frame f, List<?> items, Object init) {
    int start = 0;
    Object acc = init;
    if (extra == null) {
      if (items.isEmpty()) {
        throw new EvalFailure("reduce of empty array with no initial value");
      }
      acc = Values.at(items, 0);
      start = 1;
    }
    for (int i = start; i < items.size(); i++) {
      f.acc = acc;
      acc = apply(ctx, f, items, i);
    }
    return acc;
  }

  private Object sum(EvalContext ctx, EvalContext.Frame f, List<?> items) {
    Object total = 0L;
    for (int i = 0; i < items.size(); i++) {
      Object v = apply(ctx, f, items, i);
      if (!Values.isNumber(v)) {
        throw new EvalFailure("sum: invalid element of type " + Values.typeName(v));
      }
      total = Operators.add(total, v);
    }
    return total;
  }
}
