package io.quargo.core.sprig;

import java.util.Map;

/** What a function family sees while registering: a name, a Go signature and a body. */
final class Registry {
  private final Map<String, Sprig.Entry> entries;

  Registry(Map<String, Sprig.Entry> entries) {
    this.entries = entries;
  }

  /**
   * Signature letters: s string, i int, f float64, a interface{}, m map, b bool, t time.Time; a
   * trailing '*' makes the last one variadic.
   */
  void add(String name, String signature, SprigFunction body) {
    entries.put(name, new Sprig.Entry(name, signature, body));
  }

  void alias(String alias, String name) {
    Sprig.Entry e = entries.get(name);
    entries.put(alias, new Sprig.Entry(alias, e.signature(), e.body()));
  }
}
