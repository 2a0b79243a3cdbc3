package io.quargo.core.govaluate;

/** Token kinds, mirroring govaluate's lexer so the same inputs are accepted and rejected. */
enum TokenKind {
  NUMBER,
  STRING,
  BOOLEAN,
  /** A date-looking quoted string: govaluate turns it into Unix seconds. */
  TIME,
  VARIABLE,
  /** A dotted name such as {@code a.B}: govaluate reads it as a struct field access. */
  ACCESSOR,
  PREFIX,
  MODIFIER,
  COMPARATOR,
  LOGICAL,
  TERNARY,
  SEPARATOR,
  OPEN,
  CLOSE
}
