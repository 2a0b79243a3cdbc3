package io.quargo.core.tags;

/** Argo substitutes into JSON text; Quargo usually substitutes into plain string fields. */
public enum Escaping {
  /** Insert values verbatim. */
  NONE,
  /** Insert values escaped for the inside of a JSON string, and read expression bodies JSON-unescaped. */
  JSON_STRING
}
