/**
 * DAG {@code depends} logic ({@code docs/enhanced-depends-logic.md}, {@code dag.go evaluateDependsLogic}): task
 * results, fan-out results over a TaskGroup's children, the bare-name default widened by the dependency's
 * {@code continueOn}, the legacy {@code dependencies} list, and a three-valued verdict so the engine can tell
 * "wait", "run" and "omit" apart.
 *
 * <p>Difference: Argo rewrites '-' to '_' in task names before evaluating, so {@code a-b} and {@code a_b} collide
 * there; here they are distinct tasks.
 */
package io.quargo.core.depends;
