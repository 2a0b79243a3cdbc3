package io.quargo.core.sprig;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** sprig's dict functions. Go iterates maps randomly; keys and values here come in sorted key order. */
final class DictFunctions {
  private DictFunctions() {}

  static void register(Registry r) {
    r.add("dict", "a*", DictFunctions::dict);
    r.add("get", "ms", a -> { Map<String, Object> m = map(a[0]); return m.containsKey(a[1]) ? m.get(a[1]) : ""; });
    r.add("set", "msa", a -> { map(a[0]).put((String) a[1], a[2]); return a[0]; });
    r.add("unset", "ms", a -> { map(a[0]).remove(a[1]); return a[0]; });
    r.add("hasKey", "ms", a -> map(a[0]).containsKey(a[1]));
    r.add("pluck", "sm*", DictFunctions::pluck);
    r.add("keys", "m*", DictFunctions::keys);
    r.add("values", "m", a -> new ArrayList<>(new TreeMap<>(map(a[0])).values()));
    r.add("pick", "ms*", a -> pick(a, true));
    r.add("omit", "ms*", a -> pick(a, false));
    r.add("merge", "mm*", a -> merge(a, false));
    r.add("mergeOverwrite", "mm*", a -> merge(a, true));
    r.add("deepCopy", "a", a -> deepCopy(a[0], new int[] {0}));
    r.add("dig", "a*", DictFunctions::dig);
  }

  static Map<String, Object> map(Object v) {
    return GoValues.asMap(v);
  }

  private static Object dict(Object[] a) {
    Map<String, Object> out = Sprig.newMap();
    for (int i = 0; i < a.length; i += 2) {
      out.put(GoValues.strval(a[i]), i + 1 < a.length ? a[i + 1] : "");
    }
    return out;
  }

  private static Object pluck(Object[] a) {
    List<Object> out = new ArrayList<>();
    for (int i = 1; i < a.length; i++) {
      Map<String, Object> m = map(a[i]);
      if (m.containsKey(a[0])) out.add(m.get(a[0]));
    }
    return out;
  }

  private static Object keys(Object[] a) {
    List<Object> out = new ArrayList<>();
    for (Object m : a) out.addAll(new TreeMap<>(map(m)).keySet());
    return out;
  }

  private static Object pick(Object[] a, boolean keep) {
    Map<String, Object> src = map(a[0]);
    List<Object> names = List.of(a).subList(1, a.length);
    Map<String, Object> out = Sprig.newMap();
    src.forEach((k, v) -> {
      if (names.contains(k) == keep) out.put(k, v);
    });
    return out;
  }

  /** mergo: the destination keeps its non-empty values unless overwriting; nested maps merge deeply. */
  private static Object merge(Object[] a, boolean overwrite) {
    Map<String, Object> dst = map(a[0]);
    for (int i = 1; i < a.length; i++) mergeInto(dst, map(a[i]), overwrite, 0);
    return dst;
  }

  @SuppressWarnings("unchecked")
  private static void mergeInto(Map<String, Object> dst, Map<String, Object> src, boolean overwrite, int depth) {
    if (depth > 100) throw new Fail("merge nested too deeply");
    if (src == dst) return;
    // A snapshot: src may be nested inside dst, which this loop modifies.
    new ArrayList<>(src.entrySet()).forEach(e -> {
      String k = e.getKey();
      Object v = e.getValue();
      Object d = dst.get(k);
      if (d instanceof Map && v instanceof Map) {
        mergeInto((Map<String, Object>) d, (Map<String, Object>) v, overwrite, depth + 1);
      } else if (!dst.containsKey(k) || GoValues.isEmpty(d) || (overwrite && !GoValues.isEmpty(v))) {
        dst.put(k, v);
      }
    });
  }

  /** A copy with no sharing; the node budget stops a DAG of shared lists from blowing up. */
  static Object deepCopy(Object v, int[] budget) {
    if (++budget[0] > Sprig.MAX_LIST) throw new Fail("value too large to copy");
    if (v instanceof List<?> l) {
      List<Object> out = new ArrayList<>(l.size());
      for (Object e : l) out.add(deepCopy(e, budget));
      return out;
    }
    if (v instanceof Map<?, ?> m) {
      Map<String, Object> out = Sprig.newMap();
      for (Map.Entry<?, ?> e : m.entrySet()) out.put((String) e.getKey(), deepCopy(e.getValue(), budget));
      return out;
    }
    return v;
  }

  /** dig "a" "b" default dict: walks nested maps, the default when a step is missing. */
  private static Object dig(Object[] a) {
    if (a.length < 3) throw new Fail("dig needs at least three arguments");
    Object cur = a[a.length - 1];
    Map<String, Object> m = map(cur);
    if (m == null) throw new Fail("dig: last argument must be a map, got " + GoValues.typeName(cur));
    for (int i = 0; i < a.length - 2; i++) {
      if (!(a[i] instanceof String key)) throw new Fail("dig: keys must be strings");
      Map<String, Object> at = map(cur);
      if (at == null || !at.containsKey(key)) return a[a.length - 2];
      cur = at.get(key);
    }
    return cur;
  }
}
