/**
 * A dependency's transform and filters applied to one event ({@link io.quargo.sensor.filter.DependencyEvaluator}).
 *
 * <p>Argo's behaviour kept ({@code dependencies/filter.go}, {@code transform.go}): transform first (jq's first
 * output, or a Lua table, replaces the data); filter groups in the order exprs, data, context, time, script;
 * data values are OR-ed, strings are unanchored regexes ({@code !=} negates the match), numbers follow gjson's
 * {@code Float()} (a numeric string counts, anything else is 0), bools follow gjson's {@code Bool()}; a data {@code template} sees the value at
 * the path as {@code .Input} and may not render empty or {@code <no value>}; a missing path is an error, which
 * rejects under {@code and} and is only noted under {@code or}; time windows are [start, stop) in the filter's
 * zone and wrap across midnight when stop is before start; an event without data passes the data, exprs and
 * script filters; a failing script rejects the event even under {@code or}.
 *
 * <p>Our differences: regexes are java.util.regex rather than RE2; every rejection carries the reasons (the
 * Sensor JSON path of the filter and what the event had) so a user can see why an event did not count; jq and
 * Lua run under step and memory budgets; values in the Sensor are checked when it is read, not per event.
 */
package io.quargo.sensor.filter;
