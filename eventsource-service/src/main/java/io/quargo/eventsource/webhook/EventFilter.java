package io.quargo.eventsource.webhook;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.quargo.core.expr.ExprException;
import io.quargo.core.expr.Program;
import io.quargo.core.lang.ArgoExpressions;

/**
 * An EventSource-level {@code filter.expression} (Argo's {@code eventing.go: filterEvent}): expr-lang with sprig,
 * evaluated on the event's {@code data}, whose top-level keys have {@code -} replaced by {@code _}.
 */
public final class EventFilter {
  private static final ArgoExpressions EXPRESSIONS = ArgoExpressions.standard();

  private final Program program;

  private EventFilter(Program program) {
    this.program = program;
  }

  /** Compiles once; a syntax error is an {@link ExprException} naming line and column. */
  public static EventFilter compile(String expression) {
    return new EventFilter(EXPRESSIONS.program(expression));
  }

  public String expression() {
    return program.source();
  }

  /**
   * True when the event passes. Throws {@link ExprException} when the expression fails or is not boolean;
   * Argo drops such an event, and so does the caller.
   */
  public boolean accepts(ObjectNode data) {
    ObjectNode env = data.objectNode();
    data.fields().forEachRemaining(e -> env.set(e.getKey().replace('-', '_'), e.getValue()));
    Object result = program.runJson(env);
    if (result instanceof Boolean b) {
      return b;
    }
    throw new ExprException("filter.expression must give a bool, got " + describe(result), 1, 1);
  }

  private static String describe(Object value) {
    if (value == null) {
      return "nil";
    }
    return value instanceof JsonNode n ? n.getNodeType().toString().toLowerCase(java.util.Locale.ROOT)
        : value.getClass().getSimpleName();
  }

  @Override
  public String toString() {
    return "EventFilter[" + expression() + "]";
  }
}
