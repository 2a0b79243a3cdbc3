package io.quargo.core.depends;

import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

/**
 * A DAG task's {@code depends} (or {@code dependencies}, converted) logic: parse once, then ask which tasks it
 * waits on, whether it holds, and whether it can still hold while some tasks are unfinished. Thread-safe.
 */
public final class DependsExpression {
  private final String source;
  private final DependsNode root;
  private final Set<String> references;

  private DependsExpression(String source, DependsNode root) {
    this.source = source;
    this.root = root;
    Set<String> refs = new LinkedHashSet<>();
    collect(root, refs);
    this.references = Collections.unmodifiableSet(refs);
  }

  /** Parses with no {@code continueOn} on any dependency. */
  public static DependsExpression parse(String depends) {
    return parse(depends, task -> ContinueOn.NONE);
  }

  /** Parses; {@code continueOn} gives each referenced task's own continueOn, which widens its bare form. */
  public static DependsExpression parse(String depends, Function<String, ContinueOn> continueOn) {
    return new DependsExpression(depends, DependsParser.parse(depends, continueOn));
  }

  /** The legacy {@code dependencies: [A, B]} form, which Argo rewrites to {@code A && B}. */
  public static DependsExpression fromDependencies(List<String> dependencies,
      Function<String, ContinueOn> continueOn) {
    if (dependencies.isEmpty()) {
      throw new IllegalArgumentException("dependencies must not be empty");
    }
    for (String d : dependencies) {
      if (d.isEmpty() || !d.chars().allMatch(c -> DependsParser.isNameChar((char) c))) {
        throw new IllegalArgumentException("invalid dependency name '" + d + "': use letters, digits and '-'");
      }
    }
    return parse(String.join(" && ", dependencies), continueOn);
  }

  public String source() {
    return source;
  }

  /** Task names referenced, in order of first appearance: the engine waits for all of them. */
  public Set<String> references() {
    return references;
  }

  /** The expression with bare names expanded as Argo does, e.g. {@code (A.Succeeded || A.Skipped || A.Daemoned)}. */
  public String expanded() {
    return DependsPrinter.print(root);
  }

  /** True when every referenced task is fulfilled, the point at which Argo evaluates {@code depends}. */
  public boolean ready(Map<String, TaskState> tasks) {
    for (String t : references) {
      TaskState s = tasks.get(t);
      if (s == null || !s.fulfilled()) {
        return false;
      }
    }
    return true;
  }

  /**
   * Argo's evaluation: every referenced task must be fulfilled; false means the task is Omitted.
   *
   * @throws DependsException naming the first referenced task that is missing or not yet fulfilled
   */
  public boolean evaluate(Map<String, TaskState> tasks) {
    for (String t : references) {
      TaskState s = tasks.get(t);
      if (s == null || !s.fulfilled()) {
        throw new DependsException(source, DependsPrinter.offsetOf(root, t), "task '" + t + "' has "
            + (s == null ? "no result yet" : "not finished (phase " + s.phase().argoName() + ")"));
      }
    }
    return verdict(tasks) == Verdict.TRUE;
  }

  /** Kleene evaluation: tasks absent or unfulfilled are unknown, so {@code A || B} is TRUE once A succeeded. */
  public Verdict verdict(Map<String, TaskState> tasks) {
    return DependsEvaluator.eval(root, tasks);
  }

  /** False when no outcome of the unfinished tasks can make this true: the task will be Omitted. */
  public boolean canStillBeTrue(Map<String, TaskState> tasks) {
    return verdict(tasks) != Verdict.FALSE;
  }

  private static void collect(DependsNode node, Set<String> out) {
    if (node instanceof DependsNode.Ref r) {
      out.add(r.task());
    } else if (node instanceof DependsNode.Bare b) {
      out.add(b.task());
    } else if (node instanceof DependsNode.Not n) {
      collect(n.operand(), out);
    } else if (node instanceof DependsNode.And a) {
      a.operands().forEach(o -> collect(o, out));
    } else if (node instanceof DependsNode.Or o) {
      o.operands().forEach(x -> collect(x, out));
    }
  }

  @Override
  public String toString() {
    return source;
  }
}
