package io.quargo.core.govaluate;

/** How bare words are read: Argo Workflows' {@code when} treats them as strings; Sensor exprs as parameters. */
public enum GovaluateMode {
  /** Workflows {@code when}: every bare identifier is a string literal ({@code heads == heads}). */
  BARE_WORDS_ARE_STRINGS,
  /** Events {@code exprs}: bare identifiers name parameters (the filter's {@code fields}). */
  VARIABLES
}
