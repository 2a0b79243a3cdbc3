package io.quargo.core.tags;

/** A piece of a parsed template: literal text, a simple tag or an expression tag. */
public sealed interface Segment {
  /** Offset of the segment in the source (for tags: of the opening braces). */
  int offset();

  record Text(String text, int offset) implements Segment {}

  /**
   * {@code {{ name }}}.
   *
   * @param raw the text between the braces, untrimmed
   * @param name the trimmed variable name
   */
  record Simple(String raw, String name, int offset) implements Segment {}

  /** {@code {{=expression}}}; {@code raw} is everything between the braces including '='. */
  record Expression(String raw, String expression, int offset) implements Segment {}
}
