package io.quargo.core.tags;

/** What to do with a tag whose variable is unknown; Argo uses both, in different phases. */
public enum Unresolved {
  /** Keep {@code {{tag}}} as written (Argo's allowUnresolved=true, e.g. global substitution before run). */
  LEAVE,
  /** Fail naming the tag (Argo's allowUnresolved=false, e.g. when a pod spec is finalised). */
  FAIL
}
