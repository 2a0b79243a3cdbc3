/**
 * Argo Workflows {@code {{ }}} substitution ({@code util/template}): simple tags looked up by trimmed name,
 * expression tags {@code {{=...}}} handed to an {@link io.quargo.core.tags.ExpressionEvaluator} over the nested
 * env, nested tags resolved over two passes, unresolved tags left or reported per phase, absent (skipped) values,
 * and {@link io.quargo.core.tags.TagTemplate#references()} for what a string waits on.
 *
 * <p>Differences: expression references are found by scanning, not by parsing expr-lang; in FAIL mode an
 * expression error is reported (recent Argo leaves the tag in place); JSON escaping follows JSON rather than Go's
 * strconv.Quote for control characters.
 */
package io.quargo.core.tags;
