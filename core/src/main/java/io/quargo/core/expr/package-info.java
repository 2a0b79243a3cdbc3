/**
 * An interpreter for expr-lang (github.com/expr-lang/expr) as Argo uses it: Workflows {@code {{=...}}}
 * tags, Events {@code filter.expression}, Rollouts {@code successCondition}.
 *
 * <p>{@link io.quargo.core.expr.Expr#compile} lexes and parses once into an immutable tree
 * ({@link io.quargo.core.expr.Program}); {@code run} walks it against an environment of plain Java
 * values or Jackson trees. Every failure is an {@link io.quargo.core.expr.ExprException} with
 * {@code line:column}; parse depth, source length and evaluation steps are bounded
 * ({@link io.quargo.core.expr.ExprOptions}).
 *
 * <p>Semantics follow expr: int (long) and float (double) arithmetic with {@code /} and {@code **}
 * always float, {@code %} int-only, equality across int/float, no implicit string/number coercion,
 * and/or/not on booleans only, {@code ?.} chains short-circuiting to nil, Go's {@code %v} for
 * {@code string()} and Go's encoding/json (sorted keys, HTML-escaped) for {@code toJSON}/{@code toJson};
 * {@code fromJSON} numbers are floats, as Go decodes them.
 *
 * <p>Deliberate differences: unknown names fail at evaluation, not compilation (there is no static
 * type check); the left side of {@code ??} is nil-safe as a whole member chain (Argo reads absent
 * outputs as nil); regexes run on Java's engine (RE2's {@code (?P<n>)} is accepted) with input reads
 * charged to the step budget; map literals and {@code keys()} keep insertion order where Go's is random.
 * {@code sprig.*} and other host functions resolve through {@link io.quargo.core.expr.FunctionRegistry}.
 */
package io.quargo.core.expr;
