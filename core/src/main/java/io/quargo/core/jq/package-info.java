/**
 * jq via jackson-jq (jq 1.6 dialect) for Sensor transforms: compiled once, each run bounded in outputs, in values
 * emitted by builtins (stops {@code range}, {@code recurse}, {@code limit} over huge generators) and in recursion.
 *
 * <p>Known gaps: Argo uses gojq, whose dialect is newer than jq 1.6; a string repeated by a huge number
 * ({@code "x" * 1e9}) and catastrophic regexes in {@code test}/{@code match} run inside one builtin call and are
 * not interrupted by the step budget.
 */
package io.quargo.core.jq;
