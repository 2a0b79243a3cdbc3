package io.quargo.core.gjson;

/** One step of a compiled path. */
sealed interface Component {
  int offset();

  /**
   * An object key (or, on an array, an index when numeric).
   *
   * @param pattern true when the key contains unescaped {@code *} or {@code ?}
   */
  record Key(String name, boolean pattern, int offset) implements Component {}

  /** {@code #}: the length of an array, or map the rest of the stage over its elements. */
  record Hash(int offset) implements Component {}

  /** {@code #(key op value)} (first match) or {@code #(...)#} (all matches). */
  record Query(Condition condition, boolean all, int offset) implements Component {}

  /** {@code @this}, {@code @reverse}, {@code @keys}, {@code @values}, {@code @flatten}. */
  record Modifier(String name, int offset) implements Component {}
}
