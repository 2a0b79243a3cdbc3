/**
 * gjson paths as Argo Events applies them to event data (data filters, exprs fields, dataKey): keys, indexes,
 * {@code #}, {@code #.}, {@code \} escapes, {@code *}/{@code ?} wildcards, {@code #(...)} and {@code #(...)#}
 * queries, {@code |} pipes, and the {@code @this}, {@code @reverse}, {@code @keys}, {@code @values},
 * {@code @flatten} modifiers.
 *
 * <p>Not supported: multipaths ({@code [a,b]}, {@code {a,b}}), JSON Lines ({@code ..}), modifier arguments and
 * the formatting modifiers ({@code @pretty}, {@code @ugly}, {@code @valid}, custom ones); a malformed query is a
 * positioned compile error here, where gjson silently matches nothing.
 */
package io.quargo.core.gjson;
