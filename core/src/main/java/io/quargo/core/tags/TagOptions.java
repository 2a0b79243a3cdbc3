package io.quargo.core.tags;

import java.util.List;
import java.util.Objects;

/**
 * How to substitute.
 *
 * @param unresolved what to do with unknown variables
 * @param strictPrefixes tags starting with one of these must resolve even under {@link Unresolved#LEAVE}
 *     (Argo's ReplaceStrict, e.g. {@code steps.} once the steps have run)
 * @param escaping how values are inserted
 * @param evaluator evaluates {@code {{= ...}}} bodies
 */
public record TagOptions(Unresolved unresolved, List<String> strictPrefixes, Escaping escaping,
    ExpressionEvaluator evaluator) {

  public TagOptions {
    Objects.requireNonNull(unresolved, "unresolved");
    strictPrefixes = List.copyOf(strictPrefixes);
    Objects.requireNonNull(escaping, "escaping");
    Objects.requireNonNull(evaluator, "evaluator");
  }

  public static TagOptions leave(ExpressionEvaluator evaluator) {
    return new TagOptions(Unresolved.LEAVE, List.of(), Escaping.NONE, evaluator);
  }

  public static TagOptions fail(ExpressionEvaluator evaluator) {
    return new TagOptions(Unresolved.FAIL, List.of(), Escaping.NONE, evaluator);
  }

  public TagOptions withStrictPrefixes(String... prefixes) {
    return new TagOptions(unresolved, List.of(prefixes), escaping, evaluator);
  }

  public TagOptions withEscaping(Escaping e) {
    return new TagOptions(unresolved, strictPrefixes, e, evaluator);
  }

  boolean mustResolve(String name) {
    if (unresolved == Unresolved.FAIL) {
      return true;
    }
    for (String p : strictPrefixes) {
      if (name.startsWith(p)) {
        return true;
      }
    }
    return false;
  }
}
