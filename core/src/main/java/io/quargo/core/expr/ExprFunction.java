package io.quargo.core.expr;

import java.util.List;

/**
 * A host function callable from an expression. Arguments arrive normalised to the {@link Values}
 * model; the result is normalised too. Any exception thrown is reported as an {@link ExprException}
 * at the call site, so implementations may simply throw on bad input.
 */
@FunctionalInterface
public interface ExprFunction {
  Object call(List<Object> args);
}
