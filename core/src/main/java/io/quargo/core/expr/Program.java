package io.quargo.core.expr;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;

/**
 * A parsed expression: immutable and thread-safe, so parse once and {@link #run} many times. Every
 * run gets a fresh step budget; nothing but {@link ExprException} escapes a run.
 */
public final class Program {
  private final String source;
  private final Node root;
  private final int letSlots;
  private final ExprOptions options;
  private final Set<String> references;

  Program(String source, Node root, int letSlots, ExprOptions options, Set<String> references) {
    this.source = source;
    this.root = root;
    this.letSlots = letSlots;
    this.options = options;
    this.references = Collections.unmodifiableSet(new LinkedHashSet<>(references));
  }

  /**
   * The variable paths the expression reads, dotted, each once: {@code steps['a-b'].outputs.result}
   * is {@code "steps.a-b.outputs.result"}; a dynamic index ends the path ({@code steps[x].id} reads
   * {@code "steps"} and {@code "x"}). Lets the engine wait for, or validate, what an expression needs.
   */
  public Set<String> references() {
    return references;
  }

  public String source() {
    return source;
  }

  /** Evaluates against {@code env}; values may be plain Java values or Jackson trees. */
  public Object run(Map<String, ?> env) {
    EvalContext ctx = new EvalContext(env == null ? Map.of() : env, options, letSlots);
    try {
      return root.eval(ctx);
    } catch (ExprException e) {
      throw e;
    } catch (EvalFailure e) {
      throw new ExprException(e.getMessage(), root.line, root.col);
    } catch (StackOverflowError e) {
      throw new ExprException("expression too complex to evaluate (stack exhausted)", root.line, root.col);
    } catch (RuntimeException e) {
      // A bug of ours, not of the expression; still reported as an ExprException (tests look for it).
      throw new ExprException("internal error: " + e, root.line, root.col);
    }
  }

  /** Runs with a JSON object as the environment (an event payload), read in place. */
  public Object runJson(JsonNode env) {
    if (!(env instanceof ObjectNode o)) {
      throw new ExprException("environment must be a JSON object, got "
          + (env == null ? "nothing" : env.getNodeType().toString().toLowerCase(java.util.Locale.ROOT)), 1, 1);
    }
    return run(new JsonViews.ObjectView(o));
  }

  /** Runs and requires a boolean result, as filters and {@code when} conditions do. */
  public boolean test(Map<String, ?> env) {
    Object v = run(env);
    if (v instanceof Boolean b) {
      return b;
    }
    throw new ExprException("expected bool, but got " + Values.typeName(v), root.line, root.col);
  }

  @Override
  public String toString() {
    return "Program[" + source + "]";
  }
}
