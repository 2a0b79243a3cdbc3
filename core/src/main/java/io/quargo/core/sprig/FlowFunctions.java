package io.quargo.core.sprig;

import java.util.ArrayList;
import java.util.Objects;
import java.util.UUID;

/** sprig's defaults, flow control and reflection: default, empty, coalesce, ternary, fail, typeOf... */
final class FlowFunctions {
  private FlowFunctions() {}

  static void register(Registry r) {
    r.add("default", "aa*", a -> a.length < 2 || GoValues.isEmpty(a[1]) ? a[0] : a[1]);
    r.add("empty", "a", a -> GoValues.isEmpty(a[0]));
    r.add("coalesce", "a*", a -> { for (Object o : a) if (!GoValues.isEmpty(o)) return o; return null; });
    r.add("all", "a*", a -> { for (Object o : a) if (GoValues.isEmpty(o)) return false; return true; });
    r.add("any", "a*", a -> { for (Object o : a) if (!GoValues.isEmpty(o)) return true; return false; });
    r.add("ternary", "aab", a -> (Boolean) a[2] ? a[0] : a[1]);
    r.add("fail", "s", a -> { throw new Fail((String) a[0]); });
    r.add("required", "sa", a -> {
      if (a[1] == null || "".equals(a[1])) throw new Fail((String) a[0]);
      return a[1];
    });
    r.add("toString", "a", a -> GoValues.strval(a[0]));
    r.add("typeOf", "a", a -> GoValues.typeName(a[0]));
    r.add("kindOf", "a", a -> GoValues.kindName(a[0]));
    r.add("typeIs", "sa", a -> a[0].equals(GoValues.typeName(a[1])));
    r.add("kindIs", "sa", a -> a[0].equals(GoValues.kindName(a[1])));
    r.add("deepEqual", "aa", a -> Objects.equals(a[0], a[1]));
    r.add("uuidv4", "", a -> UUID.randomUUID().toString());
  }
}
