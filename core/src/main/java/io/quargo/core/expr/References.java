package io.quargo.core.expr;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/** Reads the variable path out of a member/index chain, for {@link Program#references()}. */
final class References {
  private References() {}

  /** "a.b.c" for {@code a.b["c"]}; the prefix before a dynamic index; null when not rooted in a variable. */
  static String path(Node n) {
    List<String> parts = new ArrayList<>();
    while (true) {
      if (n instanceof AccessNodes.Chain c) {
        n = c.inner;
      } else if (n instanceof AccessNodes.NilGuard g) {
        n = g.inner;
      } else if (n instanceof AccessNodes.Member m) {
        parts.add(m.name);
        n = m.object;
      } else if (n instanceof AccessNodes.Index i) {
        if (i.index instanceof LiteralNodes.Const c && (c.value instanceof String || c.value instanceof Long)) {
          parts.add(String.valueOf(c.value));
        } else {
          parts.clear();
        }
        n = i.object;
      } else if (n instanceof AccessNodes.Slice s) {
        parts.clear();
        n = s.object;
      } else if (n instanceof AccessNodes.Ident id) {
        parts.add(id.name);
        Collections.reverse(parts);
        return String.join(".", parts);
      } else {
        return null;
      }
    }
  }
}
