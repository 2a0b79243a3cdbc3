/**
 * govaluate, as Argo uses it: Workflows {@code when} (after {@code {{ }}} substitution; bare words are strings,
 * see {@link io.quargo.core.govaluate.ArgoWhen}), Sensor {@code exprs} filters (bare words are parameters) and
 * Sensor trigger {@code conditions} ({@link io.quargo.core.govaluate.SensorConditions}).
 *
 * <p>Matches govaluate's quirks on purpose: every number is a float64; {@code ==} never coerces
 * ({@code 5 == '5'} is false); {@code +} concatenates as soon as one side is a string; symbol runs are read
 * greedily ({@code a==-1} is the invalid token {@code ==-}); a quoted string may close with the other quote;
 * quoted dates become Unix seconds; {@code a.B} is a field access and {@code a.b} a parse error.
 *
 * <p>Differences: regexes use java.util.regex (not RE2) under a read budget, so catastrophic patterns fail
 * instead of hanging; expressions deeper than 200 levels are rejected; govaluate functions are not supported
 * (Argo registers none); dates are read in UTC rather than the controller's local zone.
 */
package io.quargo.core.govaluate;
